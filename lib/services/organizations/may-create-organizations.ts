import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { config } from "@/lib/config";

/**
 * Whether the caller may create an organization: a credential for the whole account
 * (never a token limited to one organization, nor a read-only one) and, when
 * ORGANIZATION_CREATION is `admins`, a global administrator, i.e. someone who already
 * sees every organization (`organizations:read`: global admins and superadmins). An
 * organization's owners can make SCIM tokens and claim domains, so an installation may
 * keep that to the people who run it. Pages ask it too, to hide "New organization".
 */
export function mayCreateOrganizations(actor: Actor): boolean {
  if (actor.organizationId !== null) return false;
  if (actor.scopes !== null && !actor.scopes.includes("write")) return false;
  return config().ORGANIZATION_CREATION === "everyone" || can(actor, "organizations:read");
}
