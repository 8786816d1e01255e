/** One dynamic segment of the route, e.g. `[id]`; services validate its format. */
export function routeParam(params: Record<string, string | string[] | undefined>, name: string): string {
  const value = params[name];
  return typeof value === "string" ? value : "";
}
