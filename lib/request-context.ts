import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { deviceCookieFrom } from "@/lib/auth/device-cookie";
import { config } from "@/lib/config";
import { requestIdFrom } from "@/lib/request-id";

/** Who and where a request comes from; carried through logs and audit events. */
export type RequestContext = {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  /** The method and path, where the entry knows them (route handlers); pages read them from the proxy's headers. */
  requestLine?: { method: string; path: string };
  /** Set once the caller turns out to be an administrator viewing as a user: every audit event then names them. */
  impersonator?: { id: string; email: string };
  /** The device cookie the browser sent (lib/auth/device-cookie.ts), not yet checked: the sign-in limits check it against the account. */
  deviceCookie?: string | null;
  /** Set once this request has signed a browser in: the account the sign-in action then gives the browser a device cookie for. */
  signedInUserId?: string;
  /**
   * For the identity provider's browser endpoints: the session of ours this browser holds
   * (none, or ended, is null). The provider accepts its own session only beside it.
   */
  browserSession?: { id: string; userId: string } | null;
  /** Set when the provider ended its session for this account on the request (RP-initiated sign-out). */
  providerSignedOut?: { accountId: string };
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
 * Notes on the running request who is viewing as its caller. The context is opened
 * before the caller is known (the session is read inside it), hence a change to it
 * rather than a new one.
 */
export function noteImpersonator(impersonator: { id: string; email: string }): void {
  const context = storage.getStore();
  if (context) context.impersonator = impersonator;
}

/**
 * Notes on the running request that it signed a browser in to this account. Auth.js
 * checks the credentials inside the sign-in action's request, and only the action can
 * set a cookie on its answer (lib/auth/remember-device.ts), hence a note rather than a
 * return value. Outside an action (a script posting to Auth.js directly) nothing is noted.
 */
export function noteSignedIn(userId: string): void {
  const context = storage.getStore();
  if (context) context.signedInUserId = userId;
}

/**
 * The client address. The production server (docker/server.cjs) appends the TCP peer as
 * the right-most X-Forwarded-For entry, and each trusted reverse proxy in front appends
 * the address it saw, so the client is the entry `trustedHops` places left of the
 * right-most one. Entries further left were written by the client and are never
 * believed; a list shorter than expected gives its left-most entry.
 */
export function clientIpFrom(headers: Headers, trustedHops: number): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  return entries[Math.max(0, entries.length - 1 - trustedHops)]!.slice(0, 64);
}

export function requestContextFrom(headers: Headers): RequestContext {
  const deviceCookie = deviceCookieFrom(headers.get("cookie"));
  return {
    requestId: requestIdFrom(headers),
    ip: clientIpFrom(headers, config().TRUSTED_PROXY_HOPS),
    userAgent: headers.get("user-agent"),
    ...(deviceCookie ? { deviceCookie } : {}),
  };
}
