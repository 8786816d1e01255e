import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ValueAudience } from "@/lib/services/attributes/find-attribute-values";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { getMembership } from "@/lib/services/organizations/get-membership";

/**
 * Who reads or sets a member's values of the organization's attributes, and as whom:
 * those who may change members (`members:update`) as administrators, the member
 * themselves as the user (only what is marked for them). Other members may not: an
 * attribute kept for administrators must not reach a colleague. Another organization,
 * or a user who is not a member, is not found.
 */
export async function authorizeMemberValues(
  tx: Tx,
  { actor, organizationId, userId }: { actor: Actor; organizationId: string; userId: string },
): Promise<ValueAudience> {
  const { organization, access } = await authorizeOrganization(tx, { actor, organizationId, permission: "organization:read" });
  await getMembership(tx, { organizationId: organization.id, userId });
  if (can(actor, "members:update", access)) return "admin";
  if (actor.userId === userId && actor.application?.acting !== "itself") return "user";
  throw new AppError("forbidden", "Only the member and those who may change members see a member's attributes.");
}
