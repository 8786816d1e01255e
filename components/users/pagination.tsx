import Link from "next/link";
import { usersHref, type UsersView } from "@/components/users/users-url";
import type { ShownTotal } from "@/lib/services/users/count-users";

const linkClass = "rounded-md border border-zinc-300 px-3 py-1.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";
const numbers = new Intl.NumberFormat("en");

/** "123", "about 1,000,000" (PostgreSQL's estimate) or "more than 10,000" (count-users.ts says when). */
function totalText({ value, precision }: ShownTotal): string {
  const prefix = precision === "about" ? "about " : precision === "more_than" ? "more than " : "";
  return prefix + numbers.format(value);
}

export function Pagination({
  view,
  page,
  limit,
  rows,
  hasMore,
  total,
}: {
  view: UsersView;
  page: number;
  limit: number;
  rows: number;
  total: ShownTotal;
  hasMore: boolean;
}) {
  const exact = total.precision === "exact";
  const pages = exact ? Math.max(1, Math.ceil(total.value / limit)) : null;
  const first = rows === 0 ? 0 : (page - 1) * limit + 1;
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <p aria-live="polite">
        {numbers.format(first)}–{numbers.format(first + rows - 1)} of {totalText(total)}
      </p>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Link href={usersHref(view, { page: String(page - 1) })} className={linkClass} rel="prev">
            Previous
          </Link>
        ) : null}
        <span>{pages === null ? `Page ${numbers.format(page)}` : `Page ${page} of ${pages}`}</span>
        {hasMore ? (
          <Link href={usersHref(view, { page: String(page + 1) })} className={linkClass} rel="next">
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
