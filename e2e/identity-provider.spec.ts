import { expect, test } from "@playwright/test";
import * as client from "openid-client";
import { totpCode } from "@/lib/auth/totp";
import { createUserWithSecondFactor } from "./mfa-support";
import { addPasskey, addVirtualAuthenticator, signInWithPassword, signOutFromMenu } from "./passkey-support";
import { authorizationRequest, discover, registerApplication } from "./relying-party";
import { createTestUser } from "./users";
import { signedInAs } from "./users-support";
import { variantUrl } from "./variants";

/**
 * The identity provider as another application meets it, against the production build:
 * openid-client discovers it, sends a signed-in person's browser through the authorization
 * code flow with PKCE, checks the ID token against the published keys, reads userinfo,
 * introspects and revokes; a machine client gets a token with client credentials; a CLI
 * signs in with the device flow; people sign in with a second factor or a passkey.
 */
const callback = "https://app.example.test/callback";
const base = () => process.env.E2E_BASE_URL!;

test("an application signs a person in through the provider and reads who they are, as openid-client does it", async ({ browser }) => {
  const { request, context } = await signedInAs(browser);
  const registered = await registerApplication(request, {
    kind: "web",
    redirectUris: [callback],
    scopes: ["openid", "profile", "email"],
    firstParty: true,
  });
  const config = await discover(base(), registered);
  const { url, checks } = await authorizationRequest(config, { redirect_uri: callback, scope: "openid email" });

  // The signed-in browser follows the redirects (its cookies in the request context) until
  // it is sent to the application's callback, which is not on this machine.
  let next = new URL(url.href);
  for (let hop = 0; hop < 10 && !next.href.startsWith(callback); hop++) {
    const answer = await request.get(next.href, { maxRedirects: 0 });
    expect(answer.status(), `${next.pathname}: ${await answer.text()}`).toBeGreaterThanOrEqual(300);
    next = new URL(answer.headers()["location"]!, next);
  }
  expect(next.searchParams.get("code"), next.href).toBeTruthy();

  const tokens = await client.authorizationCodeGrant(config, next, checks);
  const claims = tokens.claims()!;
  expect(claims).toMatchObject({ iss: base().replace(/\/$/, ""), aud: registered.clientId, nonce: checks.expectedNonce });
  expect(claims.amr).toEqual(expect.arrayContaining(["pwd"]));
  const me = (await (await request.get("/api/v1/users/me")).json()) as { id: string; email: string };
  expect(claims.sub).toBe(me.id);

  const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  expect(userinfo).toMatchObject({ sub: me.id, email: me.email });

  expect(await client.tokenIntrospection(config, tokens.access_token)).toMatchObject({
    active: true,
    client_id: registered.clientId,
    sub: me.id,
  });
  await client.tokenRevocation(config, tokens.access_token);
  expect(await client.tokenIntrospection(config, tokens.access_token)).toMatchObject({ active: false });
  await context.close();
});

test("a machine client gets a token for the API with client credentials, bound to its key with DPoP if it asks", async ({ browser }) => {
  const { request, context } = await signedInAs(browser);
  const config = await discover(base(), await registerApplication(request, { kind: "machine", scopes: ["read"] }));
  const tokens = await client.clientCredentialsGrant(config, { scope: "read" });
  expect(tokens.token_type.toLowerCase()).toBe("bearer");
  expect(tokens.expires_in).toBeGreaterThan(0);

  // The same client binds its tokens to a key with DPoP, and openid-client proves it on each call.
  const dpop = client.getDPoPHandle(config, await client.randomDPoPKeyPair());
  const bound = await client.clientCredentialsGrant(config, { scope: "read" }, { DPoP: dpop });
  expect(bound.token_type.toLowerCase()).toBe("dpop");
  const users = new URL("/api/v1/users?limit=1", base());
  const answer = await client.fetchProtectedResource(config, bound.access_token, users, "GET", undefined, undefined, { DPoP: dpop });
  expect(answer.status).toBe(200);
  // Without the key it is worth nothing.
  expect((await request.get(users.href, { headers: { authorization: `Bearer ${bound.access_token}` } })).status()).toBe(401);
  await context.close();
});

test("a person with an authenticator app signs in to an application on our sign-in pages, and the ID token says both factors were used", async ({
  browser,
}) => {
  const admin = await signedInAs(browser);
  // The application's callback is an address of this server (a loopback one): the browser lands on its 404 page with the code.
  const redirectUri = `${base()}/relying-party/callback`;
  const registered = await registerApplication(admin.request, {
    kind: "web",
    redirectUris: [redirectUri],
    scopes: ["openid"],
    firstParty: true,
  });
  const { user, secret } = await createUserWithSecondFactor(admin.request);
  await admin.context.close();

  const config = await discover(base(), registered);
  const { url, checks } = await authorizationRequest(config, { redirect_uri: redirectUri, scope: "openid" });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url.href);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Finteraction%2F/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\/second-factor/, { timeout: 20_000 });
  await page.getByLabel("Code from your authenticator app").fill(totpCode(secret, Date.now() + 30_000));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(new RegExp(`^${redirectUri}\\?`), { timeout: 20_000 });

  const tokens = await client.authorizationCodeGrant(config, new URL(page.url()), checks);
  expect(tokens.claims()).toMatchObject({ sub: user.id, amr: expect.arrayContaining(["pwd", "otp", "mfa"]) });
  await context.close();
});

test("a CLI signs in with the device flow: the person types the code at /device, and the CLI's polling gets tokens", async ({
  browser,
}) => {
  const admin = await signedInAs(browser);
  // A CLI is a native application: public, no secret, and without redirect URIs the device flow alone.
  const registered = await registerApplication(admin.request, { kind: "native", scopes: ["openid", "profile"], firstParty: true });
  const config = await discover(base(), registered);
  const started = await client.initiateDeviceAuthorization(config, { scope: "openid profile" });
  expect(started.verification_uri).toBe(`${base()}/device`);

  const page = admin.page;
  await page.goto(started.verification_uri);
  await page.getByLabel("Code from your device").fill(started.user_code);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText(started.user_code)).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Device connected" })).toBeVisible({ timeout: 20_000 });

  const tokens = await client.pollDeviceAuthorizationGrant(config, started);
  const me = (await (await admin.request.get("/api/v1/users/me")).json()) as { id: string };
  expect(tokens.claims()).toMatchObject({ sub: me.id, aud: registered.clientId });
  expect(await client.fetchUserInfo(config, tokens.access_token, me.id)).toMatchObject({ sub: me.id });
  await admin.context.close();
});

test("a person signs in to an application with a passkey, and the ID token says a passkey was used", async ({ browser, page }) => {
  // Passkeys need the server reached as localhost (e2e/passkey-support.ts); it serves the same installation.
  const appUrl = variantUrl("localhost");
  const redirectUri = `${appUrl}/relying-party/callback`;
  const admin = await signedInAs(browser);
  const registered = await registerApplication(admin.request, {
    kind: "web",
    redirectUris: [redirectUri],
    scopes: ["openid"],
    firstParty: true,
  });
  await admin.context.close();

  const user = await createTestUser("oidc-passkey");
  await addVirtualAuthenticator(page);
  await signInWithPassword(page, appUrl, user);
  await addPasskey(page, appUrl, "Laptop");
  await signOutFromMenu(page);

  const config = await discover(appUrl, registered);
  const { url, checks } = await authorizationRequest(config, { redirect_uri: redirectUri, scope: "openid" });
  await page.goto(url.href);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Finteraction%2F/);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(new RegExp(`^${redirectUri}\\?`), { timeout: 20_000 });

  const claims = (await client.authorizationCodeGrant(config, new URL(page.url()), checks)).claims()!;
  expect(claims.iss).toBe(appUrl);
  expect(claims.amr).toEqual(expect.arrayContaining(["swk"]));
  expect(claims.amr).not.toContain("pwd");
});
