import "server-only";
import type { KoaContextWithOIDC } from "oidc-provider";
import { isOidcScope } from "@/lib/auth/scopes";
import { clientExtra } from "@/lib/oidc/client-extra";

/**
 * The grant an authorization request may go on with without asking the user: for a
 * first-party application (the installation's own, marked so by an administrator), a grant
 * of everything it asked for that its registration allows; for any other, only a grant the
 * user already gave in this session (the provider's default). Consent is never skipped
 * for a third-party application, whatever it sends.
 */
export async function firstPartyGrant(ctx: KoaContextWithOIDC) {
  const { oidc } = ctx;
  const existingId =
    oidc.result?.consent?.grantId ?? (oidc.session && oidc.client ? oidc.session.grantIdFor(oidc.client.clientId) : undefined);
  if (existingId) return oidc.provider.Grant.find(existingId);
  if (!oidc.client || !oidc.session?.accountId || !clientExtra(oidc.client).firstParty) return undefined;
  const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
  const requested = String(oidc.params?.scope ?? "").split(" ");
  const openidScopes = requested.filter(isOidcScope);
  if (openidScopes.length) grant.addOIDCScope(openidScopes.join(" "));
  for (const resource of Object.keys(oidc.resourceServers ?? {})) {
    const resourceScopes = requested.filter((scope) => scope === "read" || scope === "write");
    if (resourceScopes.length) grant.addResourceScope(resource, resourceScopes.join(" "));
  }
  await grant.save();
  return grant;
}
