import "server-only";
import { isElevatedRole, type GlobalRole } from "@/lib/auth/roles";
import { config } from "@/lib/config";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { idField } from "@/lib/schemas/fields";

/**
 * Who must use a second factor: everyone, or global admins and superadmins, as
 * MFA_REQUIRED_FOR says; and every member of an organization that asks its members to
 * (`organizations.mfa_required`, switched by its owners and admins).
 */
export function requiredByGlobalPolicy(role: GlobalRole): boolean {
  const policy = config().MFA_REQUIRED_FOR;
  return policy === "everyone" || (policy === "admins" && isElevatedRole(role));
}

/**
 * What the policy check needs of a user, loaded with the user in the same query by the
 * code that resolves every request's caller, so the check costs no extra round trip.
 */
export const secondFactorPolicyInclude = {
  _count: { select: { mfaFactors: { where: { confirmedAt: { not: null } } } } },
  memberships: {
    where: { organization: { mfaRequired: true, deletedAt: null } },
    select: { organizationId: true },
    take: 1,
  },
} satisfies Prisma.UserInclude;

type UserWithPolicyFacts = { role: GlobalRole; _count: { mfaFactors: number }; memberships: { organizationId: string }[] };

export function mustUseSecondFactor(user: Pick<UserWithPolicyFacts, "role" | "memberships">): boolean {
  return requiredByGlobalPolicy(user.role) || user.memberships.length > 0;
}

/** True when a policy requires a second factor the user has not set up yet: until then they may only enrol. */
export function mustEnrollSecondFactor(user: UserWithPolicyFacts): boolean {
  return user._count.mfaFactors === 0 && mustUseSecondFactor(user);
}

/** The same question for code that has only the user's id (sign-in decisions); an unknown user has no factor. */
export async function secondFactorStanding(userId: string, tx: Tx = db()): Promise<{ hasFactor: boolean; required: boolean }> {
  const user = idField.safeParse(userId).success
    ? await tx.user.findUnique({ where: { id: userId }, include: secondFactorPolicyInclude })
    : null;
  if (!user) return { hasFactor: false, required: false };
  return { hasFactor: user._count.mfaFactors > 0, required: mustUseSecondFactor(user) };
}
