import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import type { OrganizationPermission } from "@/lib/auth/permission-catalogue";
import { db } from "@/lib/db";
import { createOrganization } from "@/lib/services/organizations/create-organization";

/** A slug no other test uses. */
export const uniqueSlug = (label = "org") => `${label}-${randomUUID().slice(0, 13)}`;

/** An organization owned by `owner`, made through the service so it has its built-in roles. */
export function createOrganizationFor(owner: Actor, name = "Test organization") {
  return createOrganization({ actor: owner, data: { name, slug: uniqueSlug() } });
}

/** Adds a membership directly, bypassing the rules the tests are about. */
export async function addMembership(organizationId: string, userId: string, roleName: string) {
  const role = await db().organizationRole.findUniqueOrThrow({ where: { organizationId_name: { organizationId, name: roleName } } });
  await db().membership.create({ data: { organizationId, userId, roleId: role.id } });
}

export async function createCustomRole(organizationId: string, name: string, permissions: OrganizationPermission[]) {
  return db().organizationRole.create({ data: { organizationId, name, permissions } });
}
