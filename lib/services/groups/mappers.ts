import type { Prisma } from "@/lib/generated/prisma/client";
import type { GroupMemberPublic, GroupPublic } from "@/lib/schemas/group";

/** Deleted accounts stay in their groups (restoring one restores them) but are not shown or counted. */
export const shownGroupMember = { user: { deletedAt: null } } satisfies Prisma.GroupMemberWhereInput;

/** What a group is read with: the roles it grants and how many people are in it. */
export const groupInclude = {
  roles: { include: { role: { select: { id: true, name: true } } }, orderBy: { roleId: "asc" } },
  _count: { select: { members: { where: shownGroupMember } } },
} satisfies Prisma.GroupInclude;

export type GroupRow = Prisma.GroupGetPayload<{ include: typeof groupInclude }>;

/** The only way a group leaves the service layer. */
export function toGroupPublic(row: GroupRow): GroupPublic {
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    description: row.description,
    externalId: row.externalId,
    roles: row.roles.map((grant) => grant.role),
    memberCount: row._count.members,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A person in a group is read with their account and whether they belong to the organization now. */
export const groupMemberInclude = (organizationId: string) =>
  ({
    user: { select: { id: true, email: true, name: true, memberships: { where: { organizationId }, select: { userId: true } } } },
  }) satisfies Prisma.GroupMemberInclude;

export type GroupMemberRow = Prisma.GroupMemberGetPayload<{ include: ReturnType<typeof groupMemberInclude> }>;

export function toGroupMemberPublic(row: GroupMemberRow): GroupMemberPublic {
  return {
    userId: row.userId,
    email: row.user.email,
    name: row.user.name,
    activeMember: row.user.memberships.length > 0,
    addedAt: row.addedAt.toISOString(),
  };
}
