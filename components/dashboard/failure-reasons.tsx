import { describeSignInFailure } from "@/lib/audit/sign-in-failure-reasons";
import type { Stats } from "@/lib/schemas/stats";

/** Why sign-ins failed, as a list whose bars are drawn in CSS, so it reads the same without sight. */
export function FailureReasons({ reasons }: { reasons: Stats["failureReasons"] }) {
  const largest = Math.max(1, ...reasons.map((reason) => reason.count));
  return (
    <section
      aria-labelledby="failure-reasons"
      className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="failure-reasons" className="mb-3 font-medium">
        Top failure reasons
      </h2>
      {reasons.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No failed sign-ins in this range.</p>
      ) : (
        <ol className="space-y-2 text-sm" data-testid="failure-reasons">
          {reasons.map((reason) => (
            <li key={reason.reason}>
              <div className="flex justify-between">
                <span>{describeSignInFailure(reason.reason)}</span>
                <span className="tabular-nums">{reason.count.toLocaleString("en")}</span>
              </div>
              <div aria-hidden="true" className="mt-1 h-2 rounded bg-zinc-100 dark:bg-zinc-800">
                <div className="h-2 rounded" style={{ width: `${(reason.count / largest) * 100}%`, background: "var(--chart-2)" }} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
