import type { Actor } from "@/lib/auth/actor";
import { canGrant, type OrganizationAccess } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/** Refuses handing out, or taking away, a role that can do more than the caller. */
export function authorizeGrant(actor: Actor, access: OrganizationAccess, role: { name: string; permissions: string[] }) {
  if (!canGrant(actor, access, role.permissions)) {
    throw new AppError(
      "forbidden",
      `The role "${role.name}" can do more than your own role; only someone who holds all of it may grant or take it.`,
    );
  }
}
