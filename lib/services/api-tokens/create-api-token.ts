import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { generatePersonalAccessToken, hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ApiTokenCreate, ApiTokenCreated } from "@/lib/schemas/api-token";
import { storeCredential } from "@/lib/services/store-credential";
import { tokenExpiry } from "@/lib/services/api-tokens/rules";
import { toApiTokenPublic } from "@/lib/services/api-tokens/to-api-token-public";

/** A token may only mint tokens that can do no more than itself. */
function authorizeTokenRights(actor: Actor, data: ApiTokenCreate): void {
  const widensScopes = actor.scopes !== null && data.scopes.some((scope) => !actor.scopes!.includes(scope));
  const leavesOrganization = actor.organizationId !== null && data.organizationId !== actor.organizationId;
  if (widensScopes || leavesOrganization) {
    throw new AppError("forbidden", "A token cannot create a token with more rights than its own.");
  }
}

/**
 * Creates a personal access token for the caller. The secret is in the answer once and
 * stored only as a digest; a token limited to an organization needs the caller to be
 * a member of it; the expiry obeys API_TOKEN_MAX_DAYS. A new token outlives the session
 * that makes it, so the action asks for a recent confirmation, even from a token
 * (`me.tokens.create` in the action catalogue).
 */
export async function createApiToken({ actor, data }: { actor: Actor; data: ApiTokenCreate }): Promise<ApiTokenCreated> {
  authorizeTokenRights(actor, data);
  const expiresAt = tokenExpiry(data);
  if (data.organizationId) {
    const membership = await db().membership.findFirst({
      where: { userId: actor.userId, organizationId: data.organizationId, organization: { deletedAt: null } },
    });
    if (!membership) {
      throw new AppError("validation_failed", "The request has invalid fields.", {
        fieldErrors: [{ field: "organizationId", message: "You are not a member of this organization." }],
      });
    }
  }
  const { token, displayPrefix } = generatePersonalAccessToken();

  const created = await storeCredential({
    create: (tx) =>
      tx.apiToken.create({
        data: {
          userId: actor.userId,
          name: data.name,
          prefix: displayPrefix,
          tokenHash: hashToken(token),
          scopes: data.scopes,
          organizationId: data.organizationId ?? null,
          expiresAt,
        },
      }),
    toPublic: toApiTokenPublic,
    action: "api_token.created",
    actor,
    target: "api_token",
  });
  return { ...created, token };
}
