import type { Membership, OrganizationRole, User } from "@/lib/generated/prisma/client";
import type { MemberPublic } from "@/lib/schemas/organization";

export type MembershipWithUserAndRole = Membership & { user: User; role: OrganizationRole };

export const memberInclude = { user: true, role: true } as const;

export function toMemberPublic(membership: MembershipWithUserAndRole): MemberPublic {
  return {
    userId: membership.userId,
    email: membership.user.email,
    name: membership.user.name,
    role: { id: membership.role.id, name: membership.role.name },
    joinedAt: membership.joinedAt.toISOString(),
    version: membership.version,
  };
}
