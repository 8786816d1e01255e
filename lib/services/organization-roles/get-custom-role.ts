import "server-only";
import type { Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { idField } from "@/lib/schemas/fields";

/** A role of this organization that may be changed: built-in roles are fixed. */
export async function getCustomRole(tx: Tx, { organizationId, roleId }: { organizationId: string; roleId: string }) {
  const role = idField.safeParse(roleId).success ? await tx.organizationRole.findFirst({ where: { id: roleId, organizationId } }) : null;
  if (!role) throw notFound("Role");
  if (role.builtIn) throw new AppError("conflict", `The built-in role "${role.name}" cannot be changed or deleted.`);
  return role;
}
