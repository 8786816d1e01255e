import Link from "next/link";
import { usersHref, type UsersView } from "@/components/users/users-url";

const linkClass = "rounded-md border border-zinc-300 px-3 py-1.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

export function Pagination({ view, page, limit, total }: { view: UsersView; page: number; limit: number; total: number }) {
  const pages = Math.max(1, Math.ceil(total / limit));
  const first = total === 0 ? 0 : (page - 1) * limit + 1;
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <p aria-live="polite">
        {first}–{Math.min(page * limit, total)} of {total}
      </p>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Link href={usersHref(view, { page: String(page - 1) })} className={linkClass} rel="prev">
            Previous
          </Link>
        ) : null}
        <span>
          Page {page} of {pages}
        </span>
        {page < pages ? (
          <Link href={usersHref(view, { page: String(page + 1) })} className={linkClass} rel="next">
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
