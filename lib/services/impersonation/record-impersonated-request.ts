import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { currentRequestContext, noteImpersonator, requestContextFrom, runWithRequestContext } from "@/lib/request-context";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

/** The request as the audit log shows it: the method and the path without its query, which may carry secrets. */
export type RequestLine = { method: string; path: string };

/**
 * Records one request made while an administrator views the app as a user, naming both,
 * and marks the running request so that every other event it writes names the
 * administrator too. Pages render outside any request context, so one is made from the
 * headers for them.
 */
export async function recordImpersonatedRequest(actor: Actor, line: RequestLine, headers: Headers): Promise<void> {
  if (!actor.impersonator) return;
  const impersonator = { id: actor.impersonator.id, email: actor.impersonator.email };
  const record = () =>
    recordAuditEvent(db(), {
      action: "impersonation.request",
      actor,
      target: { type: "session", id: actor.sessionId },
      after: { method: line.method, path: line.path.split("?")[0]!.slice(0, 2048) },
      impersonator,
    });
  if (currentRequestContext()) {
    noteImpersonator(impersonator);
    return record();
  }
  return runWithRequestContext({ ...requestContextFrom(headers), impersonator }, record);
}
