import type { KoaContextWithOIDC } from "oidc-provider";

/** What oidc-provider 9 says when a client uses a grant its registration does not list. */
const notAllowed = "requested grant type is not allowed for this client";

/**
 * RFC 6749 (5.2) names the refusal of a grant the client may not use `unauthorized_client`;
 * oidc-provider answers `invalid_request`, which tells a client's developer to look at
 * the request's syntax instead of the application's registration. This renames it.
 */
export async function grantTypeRefusal(ctx: KoaContextWithOIDC, next: () => Promise<void>) {
  await next();
  const body = ctx.body as { error?: string; error_description?: string } | undefined;
  if (ctx.status === 400 && body?.error === "invalid_request" && body.error_description === notAllowed) {
    ctx.body = { ...body, error: "unauthorized_client" };
  }
}
