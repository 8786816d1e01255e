import "server-only";
import { builtInRoleNames, builtInRoles } from "@/lib/auth/permission-catalogue";
import type { Tx } from "@/lib/db";

/** Gives a new organization its owner, admin and member roles; returns the owner role. */
export async function createBuiltInRoles(tx: Tx, organizationId: string) {
  const roles = await Promise.all(
    builtInRoleNames.map((name) =>
      tx.organizationRole.create({
        data: { organizationId, name, builtIn: true, ...builtInRoles[name], permissions: [...builtInRoles[name].permissions] },
      }),
    ),
  );
  return roles.find((role) => role.name === "owner")!;
}
