/**
 * What the authorization tables share (organization-authz-matrix.ts,
 * user-authz-matrix.ts): who may call which API endpoint, and what each kind of caller
 * is answered, walked cell by cell by the route tests in tests/api. A row says how to
 * call the endpoint against a scene; the test that walks it builds the scene and the
 * callers, so the tables hold no transport and no set-up of their own.
 */
export type MatrixRequest = { method: string; path: string; body?: unknown; headers?: Record<string, string> };

/** Expected statuses written as a row of the table, in the order of `callers`. */
export function byCaller<C extends string>(callers: readonly C[], statuses: number[]): Record<C, number> {
  if (statuses.length !== callers.length) throw new Error(`${statuses.length} statuses for ${callers.length} callers`);
  return Object.fromEntries(callers.map((caller, index) => [caller, statuses[index]!])) as Record<C, number>;
}

/** A row's HTTP method, the first word of its endpoint. */
export const methodOf = (row: { endpoint: string }) => row.endpoint.split(" ")[0]!;
