import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { AttributeDefinition } from "@/lib/generated/prisma/client";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";

/** Where a definition belongs: the installation (null) or one organization. */
export type AttributeScope = { organizationId: string | null };

/**
 * Whether the caller may read or manage the definitions of this scope. The installation's
 * are read with `users:read` and managed with `global-attributes:manage`; an organization's
 * are read by anyone who sees it and managed with `attributes:manage` (owners), and an
 * organization the caller cannot see is not found.
 */
export async function authorizeAttributeScope(
  client: Tx | undefined,
  actor: Actor,
  { organizationId }: AttributeScope,
  mode: "read" | "manage",
): Promise<void> {
  if (organizationId !== null) {
    const permission = mode === "read" ? "organization:read" : "attributes:manage";
    await authorizeOrganization(client, { actor, permission, organizationId });
    return;
  }
  if (!can(actor, "users:read")) throw notFound("Attribute");
  if (mode === "manage" && !can(actor, "global-attributes:manage")) {
    throw new AppError("forbidden", "Defining the installation's attributes needs global-attributes:manage.");
  }
}

/** The definitions of a scope, in the order they were made. */
export function findScopeDefinitions(client: Tx | undefined, { organizationId }: AttributeScope): Promise<AttributeDefinition[]> {
  return (client ?? db()).attributeDefinition.findMany({ where: { organizationId }, orderBy: { id: "asc" } });
}

/** Loads a definition of the scope by key after authorizing the caller; another scope's is not found. */
export async function getAuthorizedDefinition(
  client: Tx | undefined,
  actor: Actor,
  scope: AttributeScope,
  key: string,
  mode: "read" | "manage",
): Promise<AttributeDefinition> {
  await authorizeAttributeScope(client, actor, scope, mode);
  const definition = await (client ?? db()).attributeDefinition.findFirst({ where: { organizationId: scope.organizationId, key } });
  if (!definition) throw notFound("Attribute");
  return definition;
}

export const keyTaken = () =>
  new AppError("conflict", "An attribute with this key already exists here.", {
    fieldErrors: [{ field: "key", message: "Choose another key; this one is taken." }],
  });
