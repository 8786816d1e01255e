import "server-only";
import type { DirectoryCaller } from "@/lib/auth/action-rules";
import { hashToken, scimTokenPrefix } from "@/lib/auth/tokens";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { isLastUseStale } from "@/lib/services/auth/session-policy";

/** Who is calling the SCIM endpoints: one organization's token, never a user. */
export type ScimCaller = DirectoryCaller;

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
  if (isLastUseStale(token.lastUsedAt, new Date())) {
    await db().scimToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  return { via: "scim_token", credential: "scim_token", tokenId: token.id, organizationId: token.organizationId, name: token.name };
}

/** How SCIM changes name their actor in the audit log: the token, or the machine application, by id and name. */
export const scimAuditActor = (caller: ScimCaller) => ({ id: caller.tokenId, email: caller.name, type: caller.credential });

/** The absolute address of a SCIM resource, for `meta.location` and the Location header. */
export const scimLocation = (type: "Users" | "Groups", id: string) => new URL(`/scim/v2/${type}/${id}`, config().APP_URL).toString();
