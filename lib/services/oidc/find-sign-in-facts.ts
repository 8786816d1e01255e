import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { hasSecondFactor } from "@/lib/services/mfa/find-factors";
import { findOidcAccount } from "@/lib/services/oidc/find-oidc-account";

/**
 * What deciding an application's sign-in needs to know of the browser's session: when and
 * how it last proved who it is, whether the account may use the application (active; a
 * member of its organization), and whether it has a second factor to confirm with.
 */
export async function findSignInFacts({ actor, organizationId }: { actor: Actor; organizationId: string | null }) {
  const [session, account, factor] = await Promise.all([
    actor.sessionId ? db().session.findUnique({ where: { id: actor.sessionId }, select: { verifiedAt: true, amr: true } }) : null,
    findOidcAccount({ userId: actor.userId, organizationId }),
    hasSecondFactor(actor.userId),
  ]);
  return {
    proof: session ? { verifiedAt: session.verifiedAt, amr: session.amr } : null,
    accountUsable: account !== null,
    hasSecondFactor: factor,
  };
}
