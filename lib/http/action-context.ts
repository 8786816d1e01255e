import "server-only";
import { headers } from "next/headers";
import { runWithRequestContext, requestContextFrom } from "@/lib/request-context";

/**
 * Server actions do not pass through the API wrapper; this gives them the same request
 * context, so rate limits and audit events see the client's address.
 */
export async function runInActionContext<T>(fn: () => Promise<T>): Promise<T> {
  return runWithRequestContext(requestContextFrom(await headers()), fn);
}
