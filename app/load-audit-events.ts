import "server-only";
import type { AuditView } from "@/components/audit/audit-url";
import type { Actor } from "@/lib/auth/actor";
import { fieldErrorsOf, toAppError } from "@/lib/http/problem";
import { auditListQuerySchema, type AuditEventPublic } from "@/lib/schemas/audit";
import type { Page } from "@/lib/schemas/pagination";
import { listAuditEvents } from "@/lib/services/audit/list-audit-events";
import type { AuditScope } from "@/lib/services/audit/rules";

const filterKeys = ["action", "actor", "target", "organization", "ip", "q", "from", "to", "cursor"] as const;

/** The URL's filters, without the empty ones a submitted form leaves behind. */
export function auditViewFrom(params: Record<string, string | string[] | undefined>): AuditView {
  const view: AuditView = {};
  for (const key of filterKeys) {
    const value = params[key];
    if (typeof value === "string" && value.trim()) view[key] = value.trim();
  }
  return view;
}

const noEvents: Page<AuditEventPublic> = { data: [], nextCursor: null };

export type AuditEvents = { page: Page<AuditEventPublic>; errors: Record<string, string> };

/**
 * The events an audit page's view asks for, or what is wrong with its filters. The API
 * parses the same schema and calls the same service, so a URL either page is given is
 * refused as the API refuses it (the same field and message), shown beside the filters,
 * never a 500.
 */
export async function loadAuditEvents(actor: Actor, view: AuditView, scope: AuditScope): Promise<AuditEvents> {
  const parsed = auditListQuerySchema.safeParse({ ...view, limit: "50" });
  if (!parsed.success) {
    return { page: noEvents, errors: Object.fromEntries(fieldErrorsOf(parsed.error).map(({ field, message }) => [field, message])) };
  }
  try {
    return { page: await listAuditEvents({ actor, query: parsed.data, scope }), errors: {} };
  } catch (error) {
    // The service checks what the schema cannot (a cursor's content), as it does for the API.
    const refusal = toAppError(error);
    const errors = Object.fromEntries((refusal.fieldErrors ?? []).map(({ field, message }) => [field, message]));
    if (refusal.fieldErrors) return { page: noEvents, errors };
    if (refusal.code === "bad_request") return { page: noEvents, errors: { filters: refusal.message } };
    throw error;
  }
}
