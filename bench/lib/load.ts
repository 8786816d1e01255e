import autocannon from "autocannon";

export type Figures = { requests: number; failures: number; rps: number; p50: number; p95: number; p99: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** Keeps `connections` requests in flight for `seconds`; every request's latency in ms and the non-200 answers. */
function load(url: string, headers: Record<string, string>, connections: number, seconds: number) {
  const latencies: number[] = [];
  let failures = 0;
  return new Promise<{ latencies: number[]; failures: number }>((resolve, reject) => {
    const run = autocannon({ url, headers, connections, duration: seconds }, (error, result) =>
      error ? reject(error) : resolve({ latencies, failures: failures + result.errors + result.timeouts }),
    );
    run.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode !== 200) failures++;
    });
  });
}

/**
 * Warms up, then measures. The load comes from autocannon, whose HTTP client costs a
 * fraction of `fetch`'s: on a machine the client shares with the server, a heavier
 * client mostly measures itself.
 */
export async function measure(
  url: string,
  headers: Record<string, string>,
  { connections, seconds, warmUpSeconds }: { connections: number; seconds: number; warmUpSeconds: number },
): Promise<Figures> {
  await load(url, headers, connections, warmUpSeconds);
  const { latencies, failures } = await load(url, headers, connections, seconds);
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    failures,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}
