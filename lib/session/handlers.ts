import "server-only";
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/session/auth";
import { publicRoute } from "@/lib/http/handle-route";
import { requestContextFrom, runWithRequestContext } from "@/lib/request-context";

/**
 * Auth.js's own endpoints run in the request context every other entry point has, with
 * the request line, so that a call made while viewing as someone (`/api/auth/session`,
 * which the browser polls) is audited like any other request of the view.
 */
const inRequestContext = (handler: (request: NextRequest) => Promise<Response>) => (request: NextRequest) =>
  runWithRequestContext(
    { ...requestContextFrom(request.headers), requestLine: { method: request.method, path: new URL(request.url).pathname } },
    () => handler(request),
  );

export const GET = publicRoute("auth.browser", inRequestContext(handlers.GET));
export const POST = publicRoute("auth.browser", inRequestContext(handlers.POST));
