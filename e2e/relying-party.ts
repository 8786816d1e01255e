import { expect, type APIRequestContext } from "@playwright/test";
import * as client from "openid-client";

/**
 * The relying party's side of the identity-provider specs: openid-client (v6), a
 * certified client nobody here wrote, configured the way an application would be.
 */
export type Registered = { clientId: string; clientSecret?: string };

/** Registers an application over the API as the signed-in administrator behind `request`. */
export async function registerApplication(request: APIRequestContext, data: Record<string, unknown>): Promise<Registered> {
  const registered = await request.post("/api/v1/applications", { data: { name: `Relying party ${Date.now()}`, ...data } });
  expect(registered.status(), await registered.text()).toBe(201);
  return (await registered.json()) as Registered;
}

/**
 * Discovers the provider at `issuer` as the application: confidential applications
 * authenticate with client_secret_basic, as registered; public ones with none. Plain http
 * is allowed because the test servers have no TLS.
 */
export function discover(issuer: string, { clientId, clientSecret }: Registered): Promise<client.Configuration> {
  const authentication = clientSecret ? client.ClientSecretBasic(clientSecret) : client.None();
  return client.discovery(new URL(issuer), clientId, clientSecret, authentication, { execute: [client.allowInsecureRequests] });
}

/** An authorization request with PKCE (S256), state and nonce, and what the code exchange must check. */
export async function authorizationRequest(config: client.Configuration, params: { redirect_uri: string; scope: string }) {
  const verifier = client.randomPKCECodeVerifier();
  const [state, nonce] = [client.randomState(), client.randomNonce()];
  const url = client.buildAuthorizationUrl(config, {
    ...params,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url, checks: { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce } };
}
