import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { authorizeGrantOwner, grantsOf } from "@/lib/services/oidc/rules";

export type GrantedApplication = {
  clientId: string;
  name: string;
  logoUri: string | null;
  /** What the person allowed it, OpenID and API scopes together. */
  scopes: string[];
  grantedAt: string;
  /** When it last got a code or refreshed its tokens under the grant (or was granted). */
  lastUsedAt: string;
};

/**
 * The applications a person has granted access (their live grants, one entry per
 * application), most recently used first: for the person on /account, and for an
 * administrator who may read the user. Another user's list is not found to anyone else.
 */
export async function listGrantedApplications({ actor, userId }: { actor: Actor; userId: string }): Promise<GrantedApplication[]> {
  await authorizeGrantOwner(actor, userId, "users:read");
  const grants = await grantsOf(userId);
  if (grants.length === 0) return [];
  const used = await db().oidcRecord.groupBy({
    by: ["grantId"],
    where: { grantId: { in: grants.map((grant) => grant.id) } },
    _max: { createdAt: true },
  });
  const lastUse = new Map(used.map((row) => [row.grantId, row._max.createdAt]));
  const applications = await db().application.findMany({
    where: { clientId: { in: grants.map((grant) => grant.clientId) } },
    select: { clientId: true, name: true, logoUri: true },
  });
  const byClient = new Map<string, GrantedApplication>();
  for (const grant of grants) {
    const application = applications.find((one) => one.clientId === grant.clientId);
    if (!application) continue;
    const usedAt = [grant.createdAt, lastUse.get(grant.id)].filter((at): at is Date => !!at).sort((a, b) => b.getTime() - a.getTime())[0]!;
    const known = byClient.get(grant.clientId);
    const scopes = [...new Set([...(known?.scopes ?? []), ...grant.scopes])];
    byClient.set(grant.clientId, {
      clientId: grant.clientId,
      name: application.name,
      logoUri: application.logoUri,
      scopes,
      grantedAt: known && known.grantedAt < grant.createdAt.toISOString() ? known.grantedAt : grant.createdAt.toISOString(),
      lastUsedAt: known && known.lastUsedAt > usedAt.toISOString() ? known.lastUsedAt : usedAt.toISOString(),
    });
  }
  return [...byClient.values()].sort((a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt));
}
