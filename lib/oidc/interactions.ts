import "server-only";
import { headers } from "next/headers";
import type { InteractionResults } from "oidc-provider";
import { config } from "@/lib/config";
import { clientExtra } from "@/lib/oidc/client-extra";
import { capturingResponse, nodeRequestFrom } from "@/lib/oidc/node-bridge";
import { oidcProvider } from "@/lib/oidc/provider";

/** What an interaction page needs to know of the authorization request waiting on it. */
export type PendingInteraction = {
  uid: string;
  /** When the request arrived (seconds): `prompt=login` asks for a sign-in after it. */
  requestedAt: number;
  prompt: { name: "login" | "consent" | string; reasons: string[]; details: Record<string, unknown> };
  params: { clientId: string; scope: string; maxAge?: number; acrValues: string[]; loginHint?: string };
  client: {
    clientId: string;
    name: string;
    logoUri: string | null;
    organizationId: string | null;
    firstParty: boolean;
    requireSecondFactor: boolean;
  };
  /** The provider's own session, if the person signed in to an application before in this browser. */
  sessionAccountId: string | null;
  grantId: string | null;
};

/** The provider's view of the request behind this page: the interaction cookie names it; another uid than the page's is none. */
async function nodeRequestForPage(uid: string) {
  const request = new Request(new URL(`/interaction/${uid}`, config().APP_URL), { headers: await headers() });
  const req = nodeRequestFrom(request);
  return { req, res: capturingResponse(req).res };
}

/** The authorization request waiting at /interaction/:uid in this browser, or null (expired, finished, or another browser's). */
export async function findPendingInteraction(uid: string): Promise<PendingInteraction | null> {
  const provider = await oidcProvider();
  const { req, res } = await nodeRequestForPage(uid);
  const details = await provider.interactionDetails(req, res).catch(() => null);
  if (!details || details.uid !== uid) return null;
  const params = details.params as Record<string, unknown>;
  const client = await provider.Client.find(String(params.client_id));
  if (!client) return null;
  const extra = clientExtra(client);
  return {
    uid,
    requestedAt: details.iat,
    prompt: {
      name: details.prompt.name,
      reasons: details.prompt.reasons,
      details: details.prompt.details as Record<string, unknown>,
    },
    params: {
      clientId: client.clientId,
      scope: String(params.scope ?? ""),
      maxAge: params.max_age === undefined ? undefined : Number(params.max_age),
      acrValues: String(params.acr_values ?? "")
        .split(" ")
        .filter(Boolean),
      loginHint: typeof params.login_hint === "string" ? params.login_hint : undefined,
    },
    client: {
      clientId: client.clientId,
      name: client.clientName ?? client.clientId,
      logoUri: client.logoUri ?? null,
      organizationId: extra.organizationId,
      firstParty: extra.firstParty,
      requireSecondFactor: extra.requireSecondFactor,
    },
    sessionAccountId: details.session?.accountId ?? null,
    grantId: details.grantId ?? null,
  };
}

/** Hands the interaction's outcome to the provider; answers where the browser goes next (the authorization endpoint, resuming). */
export async function finishInteraction(uid: string, result: InteractionResults): Promise<string> {
  const provider = await oidcProvider();
  const { req, res } = await nodeRequestForPage(uid);
  return provider.interactionResult(req, res, result, { mergeWithLastSubmission: false });
}

/**
 * The grant of the scopes and claims the request asks for and the person allowed: the
 * provider lists what is missing, and the grant takes exactly that, never more.
 */
export async function grantRequested(interaction: PendingInteraction, accountId: string): Promise<string> {
  const provider = await oidcProvider();
  const grant = interaction.grantId
    ? await provider.Grant.find(interaction.grantId)
    : new provider.Grant({ accountId, clientId: interaction.params.clientId });
  if (!grant || grant.accountId !== accountId) throw new Error("The grant does not belong to this account.");
  const details = interaction.prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (details.missingOIDCScope?.length) grant.addOIDCScope(details.missingOIDCScope.join(" "));
  if (details.missingOIDCClaims?.length) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(details.missingResourceScopes ?? {})) grant.addResourceScope(resource, scopes.join(" "));
  return grant.save();
}
