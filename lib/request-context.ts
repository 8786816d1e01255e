import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { requestIdFrom } from "@/lib/request-id";

/** Who and where a request comes from; carried through logs and audit events. */
export type RequestContext = {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
};

// One store per process: Next.js bundles this module into several server chunks, and a
// logger created in one must see the context set in another.
const globalForContext = globalThis as unknown as { requestContext?: AsyncLocalStorage<RequestContext> };
const storage = (globalForContext.requestContext ??= new AsyncLocalStorage<RequestContext>());

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * The client address: the first X-Forwarded-For entry. Next.js fills that header from
 * the connection when it is absent; in production the reverse proxy in front of the app
 * must overwrite it (README, "Deploying with Docker"), since a client could otherwise choose its own.
 */
export function clientIpFrom(headers: Headers): string | null {
  const first = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return first ? first.slice(0, 64) : null;
}

export function requestContextFrom(headers: Headers): RequestContext {
  return {
    requestId: requestIdFrom(headers),
    ip: clientIpFrom(headers),
    userAgent: headers.get("user-agent"),
  };
}
