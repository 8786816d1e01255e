import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { OrganizationAccess } from "@/lib/auth/permissions";
import type { Db, Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { idField } from "@/lib/schemas/fields";
import { authorizeGrant } from "@/lib/services/organizations/authorize-grant";
import { groupInclude, type GroupRow } from "@/lib/services/groups/mappers";

/** One of the organization's groups; another organization's is not found, exactly like an id that does not exist. */
export async function getGroupRow(client: Db | Tx, organizationId: string, groupId: string): Promise<GroupRow> {
  const row = idField.safeParse(groupId).success
    ? await client.group.findFirst({ where: { id: groupId, organizationId }, include: groupInclude })
    : null;
  if (!row) throw notFound("Group");
  return row;
}

/** The same, locked for the rest of the transaction, so two changes to one group apply one after the other. */
export async function getGroupRowForUpdate(tx: Tx, organizationId: string, groupId: string): Promise<GroupRow> {
  if (idField.safeParse(groupId).success) {
    await tx.$queryRaw`SELECT id FROM groups WHERE id = ${groupId}::uuid AND organization_id = ${organizationId}::uuid FOR UPDATE`;
  }
  return getGroupRow(tx, organizationId, groupId);
}

export const groupNameTaken = () =>
  new AppError("conflict", "The organization already has a group with this name.", {
    fieldErrors: [{ field: "name", message: "The organization already has a group with this name." }],
  });

export const groupExternalIdTaken = () =>
  new AppError("conflict", "Another group of the organization has this external id.", {
    fieldErrors: [{ field: "externalId", message: "Another group of the organization has this external id." }],
  });

/**
 * The roles named, of this organization. A group never grants `owner`: owners are named
 * one by one, so the organization always knows who they are and keeps its last one.
 */
export async function resolveGrantedRoles(tx: Tx, organizationId: string, names: readonly string[]) {
  const wanted = [...new Set(names)];
  const roles = await tx.organizationRole.findMany({ where: { organizationId, name: { in: wanted } } });
  const unknown = wanted.filter((name) => !roles.some((role) => role.name === name));
  const refuse = (message: string) => new AppError("validation_failed", message, { fieldErrors: [{ field: "roles", message }] });
  if (unknown.length > 0) throw refuse(`The organization has no role named ${unknown.map((name) => `"${name}"`).join(", ")}.`);
  if (roles.some((role) => role.builtIn && role.name === "owner")) throw refuse("A group cannot make its members owners.");
  return roles;
}

/**
 * Changing who is in a group, or what it grants, hands out or takes away its roles: only
 * someone who holds everything those roles grant may do it (as for a member's own role).
 */
export function authorizeGroupGrant(actor: Actor, access: OrganizationAccess, roles: readonly { name: string; permissions: string[] }[]) {
  for (const role of roles) authorizeGrant(actor, access, role);
}

/** The roles a group grants, with their permissions, for authorizeGroupGrant. */
export const grantedRolesOf = (tx: Tx, groupId: string) => tx.organizationRole.findMany({ where: { groupGrants: { some: { groupId } } } });

/** Refuses a name or external id another group of the organization has; the unique indexes settle a race. */
export async function assertGroupIdentifiersFree(
  tx: Tx,
  organizationId: string,
  { name, externalId }: { name?: string; externalId?: string | null },
  exceptGroupId?: string,
): Promise<void> {
  const others = { organizationId, ...(exceptGroupId ? { id: { not: exceptGroupId } } : {}) };
  if (name !== undefined && (await tx.group.count({ where: { ...others, name } })) > 0) throw groupNameTaken();
  if (externalId && (await tx.group.count({ where: { ...others, externalId } })) > 0) throw groupExternalIdTaken();
}
