import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { shownOrNotFound } from "@/lib/session/require-session-actor";
import { findApplications } from "@/lib/services/applications/find-applications";
import { getApplication } from "@/lib/services/applications/get-application";

type Scope = { organizationId: string | null };

/** The applications of a scope, for the list pages of /admin and of an organization. */
export function loadApplications(actor: Actor, scope: Scope) {
  return shownOrNotFound(findApplications({ actor, ...scope }));
}

/** One application, for its page. */
export function loadApplication(actor: Actor, scope: Scope, applicationId: string) {
  return shownOrNotFound(getApplication({ actor, ...scope, applicationId }));
}
