/** Only same-site paths: `//evil.example` and absolute URLs would make an open redirect. */
export function safeRedirectPath(candidate: unknown, fallback = "/admin"): string {
  if (typeof candidate !== "string" || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.includes("\\")) {
    return fallback;
  }
  return candidate;
}
