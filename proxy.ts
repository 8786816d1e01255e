import { NextResponse, type NextRequest } from "next/server";
import { hasSessionCookie } from "@/lib/session/session-cookie";
import { unroutableApiAnswer } from "@/lib/http/unroutable-api-answer";
import { createNonce, nonceHeader, pageContentSecurityPolicy, setTransportSecurity } from "@/lib/http/security-headers";
import { requestIdFrom } from "@/lib/request-id";
import { requestMethodHeader, requestPathHeader } from "@/lib/request-path";

const signedInAreas = ["/admin", "/account", "/orgs"];

/**
 * Runs before every page request. It gives the request an id that pages and logs
 * share, tells pages which path was asked for, and sends visitors without a session
 * cookie from signed-in areas to the sign-in page. That check is only optimistic: each
 * page verifies the session against the database itself. It also sets the page's
 * Content-Security-Policy with a fresh nonce, on the request too, because Next.js reads
 * the nonce for its own scripts from there.
 *
 * For the API it runs only on paths with a percent-escape, to answer one that Next.js
 * cannot decode (see unroutableApiAnswer) with the headers withApi gives every other API
 * answer; running for every API request doubled what a small one cost.
 */
export function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers);
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/v1/")) {
    // Only paths with a percent-escape come here (see the matcher): one Next.js cannot decode
    // gets the API's 400 instead of a bare 500. Route handlers answer undeclared methods.
    const refusal = unroutableApiAnswer(request, requestId);
    if (!refusal) return NextResponse.next();
    refusal.headers.set("cache-control", "no-store");
    setTransportSecurity(refusal.headers);
    return refusal;
  }

  const needsSession = signedInAreas.some((area) => pathname === area || pathname.startsWith(`${area}/`));
  if (needsSession && !hasSessionCookie(request.headers.get("cookie"))) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    const redirect = NextResponse.redirect(signIn);
    setTransportSecurity(redirect.headers);
    return redirect;
  }

  const nonce = createNonce();
  const policy = pageContentSecurityPolicy(nonce);
  const headers = requestLineHeaders(request);
  headers.set("x-request-id", requestId);
  headers.set("content-security-policy", policy);
  headers.set(nonceHeader, nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  response.headers.set("content-security-policy", policy);
  setTransportSecurity(response.headers);
  return response;
}

/** The page request's headers with its method and path as the proxy saw them, so that pages and the audit trust no client's word for either. */
function requestLineHeaders(request: NextRequest): Headers {
  const headers = new Headers(request.headers);
  headers.set(requestPathHeader, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  headers.set(requestMethodHeader, request.method);
  return headers;
}

// The rest of the API, SCIM and the identity provider's endpoints (/oidc, /.well-known,
// /device) are left out: withApi, withScim and withOidc give every request its id and its
// headers themselves, the provider's pages a policy of their own (security-headers.ts),
// and their callers are answered in their own protocol, never redirected.
export const config = {
  matcher: ["/api/v1/(.*%.*)", "/((?!api/|scim/|oidc/|\\.well-known/|device/|device$|_next/static|_next/image|favicon.ico).*)"],
};
