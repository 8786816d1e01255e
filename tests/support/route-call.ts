import type { RouteHandler } from "@/lib/http/handle-route";
import { withIncomingRequest } from "@/tests/support/next-headers";

/** How a test's request proves who is calling: a browser's session cookie or a bearer token. */
export type Credentials = { cookie?: string; bearer?: string };

export type RouteCall = {
  method: string;
  path: string;
  params?: Record<string, string>;
  /** Sent as JSON; a string is sent as it is. */
  body?: unknown;
  as?: Credentials;
  headers?: Record<string, string>;
};

/** The answer, its JSON body parsed if it has one; `text` is the body as sent (CSV, HTML, a script). */
export type RouteAnswer = { status: number; headers: Headers; body: Record<string, unknown> | null; text: string };

/**
 * Calls a route handler in-process, as Next.js would: a `Request` with the credentials as
 * headers, the route's params, and `next/headers` answering for that request (the test
 * set-up stands it in). The answer's JSON body is parsed, if it has one; a page's refusal gives its code.
 */
export async function callRoute(handler: RouteHandler, call: RouteCall): Promise<RouteAnswer> {
  const headers = new Headers({ "user-agent": "route-test", "x-forwarded-for": "192.0.2.10", ...call.headers });
  if (call.as?.cookie) headers.set("cookie", call.as.cookie);
  if (call.as?.bearer) headers.set("authorization", `Bearer ${call.as.bearer}`);
  let body: string | undefined;
  if (call.body !== undefined) {
    body = typeof call.body === "string" ? call.body : JSON.stringify(call.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new Request(new URL(call.path, "http://localhost:3000"), { method: call.method, headers, body });
  const { result: response } = await withIncomingRequest(request.headers, () =>
    handler(request, { params: Promise.resolve(call.params ?? {}) }),
  );
  const text = await response.text();
  let parsed: Record<string, unknown> | null = null;
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch {
    // A page names its refusal on the alert (data-code), where a browser's journey meets it.
    const code = /data-code="([a-z_]+)"/.exec(text)?.[1];
    parsed = code ? { code } : null;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}
