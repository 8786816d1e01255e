import "server-only";
import { hashToken, scimTokenPrefix } from "@/lib/auth/tokens";
import { config } from "@/lib/config";
import { db } from "@/lib/db";

/** Who is calling the SCIM endpoints: one organization's token, never a user. */
export type ScimCaller = { tokenId: string; organizationId: string; name: string };

/** How often a token's last use is written: reads should not each become a write. */
const lastUseResolutionMs = 60_000;

/**
 * The SCIM token a bearer secret names, if it is one, not revoked, of an organization
 * not deleted. Only the digest is looked up, as for personal access tokens.
 */
export async function findScimCaller(secret: string): Promise<ScimCaller | null> {
  if (!secret.startsWith(scimTokenPrefix)) return null;
  const token = await db().scimToken.findFirst({
    where: { tokenHash: hashToken(secret), revokedAt: null, organization: { deletedAt: null } },
  });
  if (!token) return null;
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > lastUseResolutionMs) {
    await db().scimToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  return { tokenId: token.id, organizationId: token.organizationId, name: token.name };
}

/** How SCIM changes name their actor in the audit log: the token, by id and name. */
export const scimAuditActor = (caller: ScimCaller) => ({ id: caller.tokenId, email: caller.name, type: "scim_token" as const });

/** The absolute address of a SCIM resource, for `meta.location` and the Location header. */
export const scimLocation = (type: "Users" | "Groups", id: string) => new URL(`/scim/v2/${type}/${id}`, config().APP_URL).toString();
