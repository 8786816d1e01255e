import "server-only";
import { isElevatedRole, type GlobalRole } from "@/lib/auth/roles";
import { config } from "@/lib/config";
import { db, type Tx } from "@/lib/db";
import { idField } from "@/lib/schemas/fields";
import { findUserFacts, type UserFacts } from "@/lib/services/auth/caller-facts";

/**
 * Who must use a second factor: everyone, or global admins and superadmins, as
 * MFA_REQUIRED_FOR says; and every member of an organization that asks its members to
 * (`organizations.mfa_required`, switched by its owners and admins).
 */
export function isRequiredByGlobalPolicy(role: GlobalRole): boolean {
  const policy = config().MFA_REQUIRED_FOR;
  return policy === "everyone" || (policy === "admins" && isElevatedRole(role));
}

type PolicyFacts = Pick<UserFacts, "role" | "hasFactor" | "organizationRequiresFactor">;

export function mustUseSecondFactor(user: Pick<PolicyFacts, "role" | "organizationRequiresFactor">): boolean {
  return isRequiredByGlobalPolicy(user.role) || user.organizationRequiresFactor;
}

/** True when a policy requires a second factor the user has not set up yet: until then they may only enrol. */
export function mustEnrollSecondFactor(user: PolicyFacts): boolean {
  return !user.hasFactor && mustUseSecondFactor(user);
}

/** The same question for code that has only the user's id (sign-in decisions); an unknown user has no factor. */
export async function secondFactorStanding(userId: string, tx: Tx = db()): Promise<{ hasFactor: boolean; required: boolean }> {
  const user = idField.safeParse(userId).success ? await findUserFacts(userId, tx) : null;
  if (!user) return { hasFactor: false, required: false };
  return { hasFactor: user.hasFactor, required: mustUseSecondFactor(user) };
}
