import { readFileSync } from "node:fs";
import autocannon from "autocannon";

export type Figures = {
  requests: number;
  failures: number;
  /** The answers that were not 200, by status. */
  failedStatuses: Record<number, number>;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** The serving process's CPU time (user and system) per request, in ms; NaN when no process was named. */
  cpuMs: number;
};

/** A process's CPU time so far in ms, from /proc (utime and stime, in clock ticks of 10 ms). */
const cpuTimeMs = (pid?: number) => {
  if (pid === undefined) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** A request other than a plain GET: a token endpoint takes a form by POST. */
export type RequestShape = { method?: "GET" | "POST"; body?: string };

/** Keeps `connections` requests in flight for `seconds`; every request's latency in ms and the non-200 answers. */
function load(url: string, headers: Record<string, string>, connections: number, seconds: number, shape: RequestShape = {}) {
  const latencies: number[] = [];
  const failedStatuses: Record<number, number> = {};
  let failures = 0;
  return new Promise<{ latencies: number[]; failures: number; failedStatuses: Record<number, number> }>((resolve, reject) => {
    const run = autocannon({ url, headers, connections, duration: seconds, ...shape }, (error, result) =>
      error ? reject(error) : resolve({ latencies, failures: failures + result.errors + result.timeouts, failedStatuses }),
    );
    run.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode !== 200) {
        failures++;
        failedStatuses[statusCode] = (failedStatuses[statusCode] ?? 0) + 1;
      }
    });
  });
}

/**
 * Warms up, then measures. With `pid`, the serving process's CPU time per request too:
 * on a machine whose cores are shared with other work, requests per second follow
 * whatever else runs, while the CPU a request costs the server holds far better. The load comes from autocannon, whose HTTP client costs a
 * fraction of `fetch`'s: on a machine the client shares with the server, a heavier
 * client mostly measures itself.
 */
export async function measure(
  url: string,
  headers: Record<string, string>,
  { connections, seconds, warmUpSeconds, pid }: { connections: number; seconds: number; warmUpSeconds: number; pid?: number },
  shape: RequestShape = {},
): Promise<Figures> {
  await load(url, headers, connections, warmUpSeconds, shape);
  const cpuBefore = cpuTimeMs(pid);
  const { latencies, failures, failedStatuses } = await load(url, headers, connections, seconds, shape);
  const cpuMs = (cpuTimeMs(pid) - cpuBefore) / latencies.length;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    failures,
    failedStatuses,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    cpuMs,
  };
}
