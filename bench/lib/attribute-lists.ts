import type { Figures } from "@/bench/lib/load";
import { benchAttributes } from "@/bench/lib/seed-attributes";

/** Measures one URL under a label, as bench/users-list.ts's runner does. */
type Run = (label: string, url: string, pid: number | undefined, options: { headers: Record<string, string> }) => Promise<Figures>;

/** Prints one benchmark target, met or missed. */
type Check = (what: string, value: string, met: boolean) => void;

/**
 * The list filtered on `department` and sorted on `cost`, first page in both directions
 * and a cursor page half-way; answers the labels it measured. The cursor comes from the
 * list itself, as a client would have it.
 */
export async function runAttributeLists(
  run: Run,
  list: string,
  pid: number | undefined,
  headers: Record<string, string>,
): Promise<string[]> {
  const { filterKey, filterValue, sortKey } = benchAttributes;
  const labels: string[] = [];
  for (const order of ["desc", "asc"] as const) {
    const path = `${list}&attribute.${filterKey}=${filterValue}&sort=attribute.${sortKey}&order=${order}`;
    const label = `${filterKey}=${filterValue} by ${sortKey} ${order}`;
    await run(`${label}: first page`, path, pid, { headers });
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const answer = (await (await fetch(cursor ? `${path}&cursor=${cursor}` : path, { headers })).json()) as { nextCursor: string | null };
      cursor = answer.nextCursor;
    }
    if (cursor) await run(`${label}: 100 pages in`, `${path}&cursor=${cursor}`, pid, { headers });
    labels.push(`${label}: first page`, ...(cursor ? [`${label}: 100 pages in`] : []));
  }
  return labels;
}

/** Checks each list measured by runAttributeLists against the unfiltered list's figures of the same run. */
export function checkAttributeLists(labels: string[], unfiltered: Figures, get: (label: string) => Figures, check: Check): void {
  for (const label of labels) {
    // The target: filtered and sorted by attributes, at most twice the unfiltered list's cost.
    const ratio = unfiltered.rps / get(label).rps;
    const p50 = get(label).p50 / unfiltered.p50;
    check(`${label}, of the unfiltered list (at most 2 ×)`, `${ratio.toFixed(2)} × by req/s, ${p50.toFixed(2)} × by p50`, ratio <= 2);
  }
}
