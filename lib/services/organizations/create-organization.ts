import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { OrganizationCreate, OrganizationPublic } from "@/lib/schemas/organization";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { createBuiltInRoles } from "@/lib/services/organization-roles/create-built-in-roles";
import { mayCreateOrganizations } from "@/lib/services/organizations/may-create-organizations";
import { toOrganizationPublic } from "@/lib/services/organizations/to-organization-public";

/** Creates an organization with its built-in roles and makes the caller its first owner. */
export async function createOrganization({ actor, data }: { actor: Actor; data: OrganizationCreate }): Promise<OrganizationPublic> {
  // A token restricted to one organization cannot reach beyond it, not even to a new one.
  if (actor.organizationId !== null) throw new AppError("forbidden", "This token is restricted to one organization.");
  if (actor.scopes !== null && !actor.scopes.includes("write")) throw new AppError("forbidden", "This token may only read.");
  if (!mayCreateOrganizations(actor)) throw new AppError("forbidden", "Only administrators may create organizations here.");
  const taken = await db().organization.findUnique({ where: { slug: data.slug }, select: { id: true } });
  if (taken) throw slugTaken();

  return db().$transaction(async (tx) => {
    const organization = await tx.organization.create({ data: { name: data.name, slug: data.slug } });
    const owner = await createBuiltInRoles(tx, organization.id);
    await tx.membership.create({ data: { organizationId: organization.id, userId: actor.userId, roleId: owner.id } });
    const result = toOrganizationPublic(organization);
    await recordAuditEvent(tx, {
      action: "organization.created",
      actor,
      target: { type: "organization", id: organization.id },
      after: result,
    });
    return result;
  });
}

export const slugTaken = () =>
  new AppError("conflict", "This address is already taken.", {
    fieldErrors: [{ field: "slug", message: "This address is already taken." }],
  });
