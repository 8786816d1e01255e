import Link from "next/link";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { auditHref, type AuditView } from "@/components/audit/audit-url";
import type { AuditEventPublic } from "@/lib/schemas/audit";
import type { Page } from "@/lib/schemas/pagination";

type AuditExplorerProps = {
  events: { page: Page<AuditEventPublic>; errors: Record<string, string> };
  view: AuditView;
  base: string;
  /** The organization whose log this is; null for the installation's. */
  organizationId: string | null;
};

/** The explorer both audit pages show: filters, one page of events, and the way to the next. */
export function AuditExplorer({ events: { page, errors }, view, base, organizationId }: AuditExplorerProps) {
  // The filters show their own fields' errors; these two have no field of their own.
  const pageError = errors.filters ?? (errors.cursor ? `This link to older events is not valid (${errors.cursor})` : null);
  const exportBase = organizationId ? `/api/v1/organizations/${organizationId}/audit-events/export` : "/api/v1/audit-events/export";
  const exportHref = (format: string) => {
    const params = new URLSearchParams({ ...view, format });
    params.delete("cursor");
    return `${exportBase}?${params}`;
  };
  return (
    <div className="space-y-6">
      <AuditFilters view={view} base={base} errors={errors} organizationFilter={organizationId === null} />
      {pageError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {pageError}
        </p>
      ) : null}
      <p className="flex gap-4 text-sm">
        <a href={exportHref("csv")} className="text-indigo-700 hover:underline dark:text-indigo-300">
          Export as CSV
        </a>
        <a href={exportHref("json")} className="text-indigo-700 hover:underline dark:text-indigo-300">
          Export as JSON
        </a>
      </p>
      <AuditTable events={page.data} view={view} base={base} userLinks={organizationId === null} />
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
