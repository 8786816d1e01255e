import http from "node:http";
import Provider from "oidc-provider";

export type RunningOidcProvider = { issuer: string; clientId: string; clientSecret: string; close(): Promise<void> };

/**
 * A real OpenID Connect provider (oidc-provider, with its development login and consent
 * pages) on a local port. The login name typed on its page is the account's email; a
 * name starting with "unverified-" comes back with `email_verified: false`.
 */
export async function startOidcProvider({ port, redirectUri }: { port: number; redirectUri: string }): Promise<RunningOidcProvider> {
  const issuer = `http://127.0.0.1:${port}`;
  const client = { client_id: "usermanager-e2e", client_secret: "e2e-client-secret-0123456789abcdef" };
  const provider = new Provider(issuer, {
    clients: [{ ...client, redirect_uris: [redirectUri], grant_types: ["authorization_code"], response_types: ["code"] }],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // As certified providers do (oidc-provider's default), the scopes' claims are in userinfo, not the ID token.
    cookies: { keys: ["e2e-cookie-key-0123456789abcdef"] },
    async findAccount(_context, id) {
      return {
        accountId: id,
        claims: async () => ({
          sub: `sub-${id}`,
          email: id,
          email_verified: !id.startsWith("unverified-"),
          name: "Single Sign-On Person",
        }),
      };
    },
  });
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    issuer,
    clientId: client.client_id,
    clientSecret: client.client_secret,
    // Closing waits for open connections; the app's keep-alive ones are cut, not awaited.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
