import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { MemberDetail } from "@/lib/schemas/organization";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { getMembership } from "@/lib/services/organizations/get-membership";
import { findEnterprise } from "@/lib/services/organizations/member-profile";
import { toMemberPublic } from "@/lib/services/organizations/to-member-public";

/** One member of an organization with their enterprise attributes there; not a member is not found. */
export async function getMember({
  actor,
  organizationId,
  userId,
}: {
  actor: Actor;
  organizationId: string;
  userId: string;
}): Promise<MemberDetail> {
  return db().$transaction(async (tx) => {
    const { organization } = await authorizeOrganization(tx, { actor, organizationId, permission: "members:read" });
    const membership = await getMembership(tx, { organizationId: organization.id, userId });
    return { ...toMemberPublic(membership), enterprise: await findEnterprise(tx, { organizationId: organization.id, userId }) };
  });
}
