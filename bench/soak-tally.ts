import { readFileSync } from "node:fs";

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;

/** The resident memory of a process in MB, from /proc (Linux). */
export function residentMegabytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

/** Latencies, and the statuses of failed requests (0: no answer) with their counts. */
type Bucket = { latencies: number[]; errors: Map<number, number> };

/** Latencies and errors per operation, for the current minute and for the whole run. */
export class Tally {
  private minute = new Map<string, Bucket>();
  private total = new Map<string, Bucket>();
  private minutes = 0;

  record(operation: string, ms: number, status: number) {
    for (const buckets of [this.minute, this.total]) {
      const bucket: Bucket = buckets.get(operation) ?? { latencies: [], errors: new Map() };
      bucket.latencies.push(ms);
      if (status < 200 || status >= 300) bucket.errors.set(status, (bucket.errors.get(status) ?? 0) + 1);
      buckets.set(operation, bucket);
    }
  }

  private static line(buckets: Map<string, Bucket>): string {
    return [...buckets.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, { latencies, errors }]) => {
        const failed = [...errors.entries()].map(([status, count]) => `${count}×${status}`).join(" ") || "0";
        return `${name} ${latencies.length} req, errors ${failed}, p95 ${percentile(
          [...latencies].sort((a, b) => a - b),
          95,
        ).toFixed(0)} ms`;
      })
      .join(" | ");
  }

  printMinute(rssMegabytes: number) {
    this.minutes++;
    console.log(`min ${String(this.minutes).padStart(2)}: RSS ${rssMegabytes} MB | ${Tally.line(this.minute)}`);
    this.minute = new Map();
  }

  printTotals() {
    console.log(`total: ${Tally.line(this.total)}`);
  }
}
