import "server-only";
import Link from "next/link";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { auditHref, type AuditView } from "@/components/audit/audit-url";
import type { Actor } from "@/lib/auth/actor";
import { auditListQuerySchema } from "@/lib/schemas/audit";
import { listAuditEvents } from "@/lib/services/audit/list-audit-events";
import type { AuditScope } from "@/lib/services/audit/rules";

const filterKeys = ["action", "actor", "target", "organization", "ip", "q", "from", "to", "cursor"] as const;

/** The URL's filters, without the empty ones a submitted form leaves behind. */
export function auditViewFrom(params: Record<string, string | string[] | undefined>): AuditView {
  const view: AuditView = {};
  for (const key of filterKeys) {
    const value = params[key];
    if (typeof value === "string" && value.trim()) view[key] = value.trim();
  }
  return view;
}

/** The explorer both audit pages show: filters, one page of events, and the way to the next. */
export async function AuditExplorer({ actor, view, base, scope }: { actor: Actor; view: AuditView; base: string; scope: AuditScope }) {
  const parsed = auditListQuerySchema.safeParse({ ...view, limit: "50" });
  const errors = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
  const page = parsed.success ? await listAuditEvents({ actor, query: parsed.data, scope }) : { data: [], nextCursor: null };
  const exportBase =
    scope && "organizationId" in scope
      ? `/api/v1/organizations/${scope.organizationId}/audit-events/export`
      : "/api/v1/audit-events/export";
  const exportHref = (format: string) => {
    const params = new URLSearchParams({ ...view, format });
    params.delete("cursor");
    return `${exportBase}?${params}`;
  };
  return (
    <div className="space-y-6">
      <AuditFilters view={view} base={base} errors={errors} organizationFilter={scope === null} />
      <p className="flex gap-4 text-sm">
        <a href={exportHref("csv")} className="text-indigo-700 hover:underline dark:text-indigo-300">
          Export as CSV
        </a>
        <a href={exportHref("json")} className="text-indigo-700 hover:underline dark:text-indigo-300">
          Export as JSON
        </a>
      </p>
      <AuditTable events={page.data} view={view} base={base} userLinks={scope === null} />
      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {view.cursor ? (
          <Link href={auditHref({ ...view, cursor: undefined }, base)} className="text-indigo-700 hover:underline dark:text-indigo-300">
            Newest
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link
            href={auditHref({ ...view, cursor: page.nextCursor }, base)}
            className="text-indigo-700 hover:underline dark:text-indigo-300"
          >
            Older events
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
