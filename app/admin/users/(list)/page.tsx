import type { Metadata } from "next";
import Link from "next/link";
import { bulkUserAction, createUserAction } from "@/app/admin/users/actions";
import { CreateUserDialog } from "@/components/users/create-user-dialog";
import { Pagination } from "@/components/users/pagination";
import { UsersTable } from "@/components/users/users-table";
import { UsersToolbar } from "@/components/users/users-toolbar";
import { usersHref, type UsersView } from "@/components/users/users-url";
import { assignableRoles } from "@/lib/auth/permissions";
import { attributeValueField } from "@/lib/schemas/attribute-values";
import { withAttributeParams, type AttributePublic } from "@/lib/schemas/attributes";
import { userListQuerySchema } from "@/lib/schemas/user";
import { listAttributes } from "@/lib/services/attributes/list-attributes";
import { listUsers } from "@/lib/services/users/list-users";
import { requirePagePermission } from "@/lib/session/require-session-actor";

export const metadata: Metadata = { title: "Users" };

const pageSize = 25;
const viewKeys = ["q", "role", "status", "hasMfa", "createdFrom", "createdTo", "sort", "order", "page"] as const;

/**
 * Only the known, valid parameters: a hand-edited URL falls back to defaults instead of
 * failing. An attribute filter counts when the installation defines the attribute and the
 * value is one of its type.
 */
function viewFrom(params: Record<string, string | string[] | undefined>, attributes: AttributePublic[]): UsersView {
  const view: UsersView = {};
  for (const key of viewKeys) {
    const value = params[key];
    if (typeof value !== "string" || value === "") continue;
    if (userListQuerySchema.safeParse({ [key]: value }).success) view[key] = value;
  }
  for (const attribute of attributes) {
    const value = params[`attribute.${attribute.key}`];
    if (typeof value !== "string" || value === "" || value.length > 200) continue;
    if (attributeValueField(attribute, "text").safeParse(value).success) view[`attribute.${attribute.key}`] = value;
  }
  return view;
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("users:read");
  const attributes = await listAttributes({ actor, organizationId: null });
  const view = viewFrom(await searchParams, attributes.data);
  const query = withAttributeParams(userListQuerySchema).parse({ page: "1", ...view, limit: String(pageSize) });
  const result = await listUsers({ actor, query, shownTotal: true });
  const page = query.page ?? 1;
  const exportQuery = new URLSearchParams(usersHref({ ...view, sort: undefined, order: undefined, page: undefined }).split("?")[1] ?? "");

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Users</h1>
        <div className="flex flex-wrap gap-2">
          <a
            href={`/api/v1/users/export?${exportQuery.toString()}${exportQuery.size ? "&" : ""}format=csv`}
            className="rounded-md border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
            download
          >
            Export CSV
          </a>
          <Link
            href="/admin/users/import"
            className="rounded-md border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            Import
          </Link>
          <CreateUserDialog submit={createUserAction} roles={assignableRoles(actor)} attributes={attributes.data} />
        </div>
      </div>
      <UsersToolbar view={view} attributes={attributes.data} />
      {result.data.length === 0 ? (
        <div className="rounded-xl border border-dashed border-zinc-300 p-10 text-center dark:border-zinc-700">
          <p className="font-medium">No users match.</p>
          <p className="text-sm text-muted">Change the search or filters{view.status === "deleted" ? "" : ", or create a user"}.</p>
          {Object.keys(view).length > 0 ? (
            <Link href="/admin/users" className="mt-3 inline-block text-sm text-indigo-700 underline dark:text-indigo-300">
              Clear all filters
            </Link>
          ) : null}
        </div>
      ) : (
        <>
          <UsersTable users={result.data} view={view} manageableRoles={assignableRoles(actor)} bulk={bulkUserAction} />
          <Pagination
            view={view}
            page={page}
            limit={pageSize}
            rows={result.data.length}
            total={result.shownTotal ?? { value: result.data.length, precision: "exact" }}
            hasMore={result.nextCursor !== null}
          />
        </>
      )}
    </div>
  );
}
