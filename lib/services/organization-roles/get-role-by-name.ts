import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The organization's role with this name; an unknown name is an invalid `role` field. */
export async function getRoleByName(tx: Tx, { organizationId, name }: { organizationId: string; name: string }) {
  const role = await tx.organizationRole.findUnique({ where: { organizationId_name: { organizationId, name } } });
  if (role) return role;
  const message = "No role with this name in the organization; see its roles.";
  throw new AppError("validation_failed", message, { fieldErrors: [{ field: "role", message }] });
}
