import { expect, test } from "@playwright/test";
import * as client from "openid-client";
import { totpCode } from "@/lib/auth/totp";
import { createUserWithSecondFactor } from "./mfa-support";
import { signedInAs } from "./users-support";

/**
 * The identity provider as another application meets it, against the production build:
 * openid-client (a certified relying party nobody here wrote) discovers it, sends a
 * signed-in person's browser through the authorization code flow with PKCE, checks the ID token
 * against the published keys, reads userinfo, introspects and revokes; a machine client
 * gets a token with client credentials.
 */
const callback = "https://app.example.test/callback";

test("an application signs a person in through the provider and reads who they are, as openid-client does it", async ({ browser }) => {
  const { request, context } = await signedInAs(browser);
  const registered = await request.post("/api/v1/applications", {
    data: {
      kind: "web",
      name: `Relying party ${Date.now()}`,
      redirectUris: [callback],
      scopes: ["openid", "profile", "email"],
      firstParty: true,
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const { clientId, clientSecret } = (await registered.json()) as { clientId: string; clientSecret: string };

  const issuer = new URL(process.env.E2E_BASE_URL!);
  // Web and machine applications authenticate with client_secret_basic, as registered.
  const config = await client.discovery(issuer, clientId, clientSecret, client.ClientSecretBasic(clientSecret), {
    execute: [client.allowInsecureRequests],
  });
  const verifier = client.randomPKCECodeVerifier();
  const [state, nonce] = [client.randomState(), client.randomNonce()];
  const authorization = client.buildAuthorizationUrl(config, {
    redirect_uri: callback,
    scope: "openid email",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });

  // The signed-in browser follows the redirects (its cookies in the request context) until
  // it is sent to the application's callback, which is not on this machine.
  let next = new URL(authorization.href);
  for (let hop = 0; hop < 10 && !next.href.startsWith(callback); hop++) {
    const answer = await request.get(next.href, { maxRedirects: 0 });
    expect(answer.status(), `${next.pathname}: ${await answer.text()}`).toBeGreaterThanOrEqual(300);
    next = new URL(answer.headers()["location"]!, next);
  }
  const arrived = next;
  expect(arrived.searchParams.get("code"), arrived.href).toBeTruthy();

  const tokens = await client.authorizationCodeGrant(config, arrived, {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
  });
  const claims = tokens.claims()!;
  expect(claims).toMatchObject({ iss: issuer.href.replace(/\/$/, ""), aud: clientId, nonce });
  expect(claims.amr).toEqual(expect.arrayContaining(["pwd"]));
  const me = (await (await request.get("/api/v1/users/me")).json()) as { id: string; email: string };
  expect(claims.sub).toBe(me.id);

  const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  expect(userinfo).toMatchObject({ sub: me.id, email: me.email });

  expect(await client.tokenIntrospection(config, tokens.access_token)).toMatchObject({ active: true, client_id: clientId, sub: me.id });
  await client.tokenRevocation(config, tokens.access_token);
  expect(await client.tokenIntrospection(config, tokens.access_token)).toMatchObject({ active: false });
  await context.close();
});

test("a machine client gets a token for the API with client credentials", async ({ browser }) => {
  const { request, context } = await signedInAs(browser);
  const registered = await request.post("/api/v1/applications", {
    data: { kind: "machine", name: `Service ${Date.now()}`, scopes: ["read"] },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const { clientId, clientSecret } = (await registered.json()) as { clientId: string; clientSecret: string };
  const config = await client.discovery(
    new URL(process.env.E2E_BASE_URL!),
    clientId,
    clientSecret,
    client.ClientSecretBasic(clientSecret),
    {
      execute: [client.allowInsecureRequests],
    },
  );
  const tokens = await client.clientCredentialsGrant(config, { scope: "read" });
  expect(tokens.token_type.toLowerCase()).toBe("bearer");
  expect(tokens.expires_in).toBeGreaterThan(0);
  await context.close();
});

test("a person with an authenticator app signs in to an application on our sign-in pages, and the ID token says both factors were used", async ({
  browser,
}) => {
  const admin = await signedInAs(browser);
  const base = process.env.E2E_BASE_URL!;
  // The application's callback is an address of this server (a loopback one): the browser lands on its 404 page with the code.
  const redirectUri = `${base}/relying-party/callback`;
  const registered = await admin.request.post("/api/v1/applications", {
    data: { kind: "web", name: `Second factor app ${Date.now()}`, redirectUris: [redirectUri], scopes: ["openid"], firstParty: true },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const { clientId, clientSecret } = (await registered.json()) as { clientId: string; clientSecret: string };
  const { user, secret } = await createUserWithSecondFactor(admin.request);
  await admin.context.close();

  const config = await client.discovery(new URL(base), clientId, clientSecret, client.ClientSecretBasic(clientSecret), {
    execute: [client.allowInsecureRequests],
  });
  const verifier = client.randomPKCECodeVerifier();
  const [state, nonce] = [client.randomState(), client.randomNonce()];
  const authorization = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(authorization.href);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Finteraction%2F/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\/second-factor/, { timeout: 20_000 });
  await page.getByLabel("Code from your authenticator app").fill(totpCode(secret, Date.now() + 30_000));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(new RegExp(`^${redirectUri}\\?`), { timeout: 20_000 });

  const tokens = await client.authorizationCodeGrant(config, new URL(page.url()), {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
  });
  expect(tokens.claims()).toMatchObject({ sub: user.id, amr: expect.arrayContaining(["pwd", "otp", "mfa"]) });
  await context.close();
});
