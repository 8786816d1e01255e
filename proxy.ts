import { NextResponse, type NextRequest } from "next/server";
import { requestIdFrom } from "@/lib/request-id";

const sessionCookie = /^(__Secure-|__Host-)?authjs\.session-token(\.\d+)?$/;
const signedInAreas = ["/admin", "/account", "/orgs"];

/**
 * Runs before every page and API request. It gives the request an id that pages,
 * handlers and logs share, and sends visitors without a session cookie from signed-in
 * areas to the sign-in page. That check is only optimistic: each page verifies the
 * session against the database itself.
 */
export function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers);
  const { pathname, search } = request.nextUrl;

  const needsSession = signedInAreas.some((area) => pathname === area || pathname.startsWith(`${area}/`));
  const hasSessionCookie = request.cookies.getAll().some((cookie) => sessionCookie.test(cookie.name));
  if (needsSession && !hasSessionCookie) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
