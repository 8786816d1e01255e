import "server-only";
import { headers } from "next/headers";
import { runWithRequestContext, requestContextFrom } from "@/lib/request-context";

/**
 * Code that Next.js runs outside the API wrapper (server actions through `serverAction`,
 * Auth.js callbacks) gets the same request context from the incoming headers, so rate
 * limits, logs and audit events see the client's address, user agent and request id.
 */
export async function runInActionContext<T>(fn: () => Promise<T>): Promise<T> {
  return runWithRequestContext(requestContextFrom(await headers()), fn);
}
