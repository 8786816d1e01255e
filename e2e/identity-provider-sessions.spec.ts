import { expect, test, type Browser } from "@playwright/test";
import { createRemoteJWKSet, jwtVerify } from "jose";
import * as client from "openid-client";
import pg from "pg";
import { startLogoutReceiver } from "@/tests/support/logout-receiver";
import { authorizationRequest, discover, registerApplication, type Registered } from "./relying-party";
import { createTestUser } from "./users";
import { signedInAs } from "./users-support";

/**
 * What an application does with a person's session after signing them in, driven by
 * openid-client against the production build: refreshing its tokens, and signing the
 * person out at the provider, which tells every application of the session over the
 * back channel.
 */
const base = () => process.env.E2E_BASE_URL!;
const redirectUri = () => `${base()}/relying-party/callback`;
// The application lives on another origin than the provider (localhost, not 127.0.0.1), as
// applications do: the browser must be let go there after the sign-out form.
const signedOutUri = () => `${base().replace("127.0.0.1", "localhost")}/relying-party/signed-out`;

/** A first-party web application that may hold refresh tokens and return people after signing out. */
async function registerWebApplication(browser: Browser): Promise<Registered> {
  const admin = await signedInAs(browser);
  const registered = await registerApplication(admin.request, {
    kind: "web",
    redirectUris: [redirectUri()],
    postLogoutRedirectUris: [signedOutUri()],
    scopes: ["openid", "email", "offline_access"],
    firstParty: true,
  });
  await admin.context.close();
  return registered;
}

/** A new person signs in on our sign-in page on the application's behalf; the browser lands on its callback with the code. */
async function signInThroughProvider(browser: Browser, config: client.Configuration) {
  const person = await createTestUser("relying-party");
  // offline_access asks for a refresh token, which the provider issues only with a consent prompt.
  const { url, checks } = await authorizationRequest(config, { redirect_uri: redirectUri(), scope: "openid email offline_access" });
  url.searchParams.set("prompt", "consent");
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url.href);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${redirectUri()}\\?`), { timeout: 20_000 });
  const tokens = await client.authorizationCodeGrant(config, new URL(page.url()), checks);
  return { context, page, tokens };
}

test("an application refreshes its tokens, and a refresh token used twice ends the whole family", async ({ browser }) => {
  const config = await discover(base(), await registerWebApplication(browser));
  const { context, tokens } = await signInThroughProvider(browser, config);
  expect(tokens.refresh_token).toBeTruthy();

  const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
  expect(refreshed.access_token).not.toBe(tokens.access_token);
  expect(refreshed.refresh_token).toBeTruthy();
  expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
  const sub = tokens.claims()!.sub;
  expect(await client.fetchUserInfo(config, refreshed.access_token, sub)).toMatchObject({ sub });

  // Someone replays the first refresh token: refused, and the token the application holds now dies with it.
  await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
  await expect(client.refreshTokenGrant(config, refreshed.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
  await context.close();
});

test("signing out at the provider returns the person to the application and sends it a signed logout token", async ({ browser }) => {
  const registered = await registerWebApplication(browser);
  const receiver = await startLogoutReceiver();
  // The API takes https back-channel addresses only; this receiver is plain http on loopback,
  // which the end-to-end installation may send to (WEBHOOK_ALLOW_PRIVATE_TARGETS), so it is set in the database.
  const database = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await database.connect();
  await database.query("UPDATE applications SET backchannel_logout_uri = $1 WHERE client_id = $2", [receiver.url, registered.clientId]);
  await database.end();

  try {
    const config = await discover(base(), registered);
    const { context, page, tokens } = await signInThroughProvider(browser, config);
    const claims = tokens.claims()!;
    const state = client.randomState();
    await page.goto(
      client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: signedOutUri(), state }).href,
    );
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(`${signedOutUri()}?state=${state}`);
    expect((await page.request.get("/api/v1/users/me")).status()).toBe(401);

    // Any instance's dispatcher sends it within seconds; it verifies against the published keys.
    await expect.poll(() => receiver.state.tokens.length, { timeout: 20_000 }).toBe(1);
    const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!));
    const { payload, protectedHeader } = await jwtVerify(receiver.state.tokens[0]!, jwks, {
      issuer: config.serverMetadata().issuer,
      audience: registered.clientId,
      typ: "logout+jwt",
    });
    expect(protectedHeader.typ).toBe("logout+jwt");
    expect(payload).toMatchObject({
      sub: claims.sub,
      sid: claims.sid,
      events: { "http://schemas.openid.net/event/backchannel-logout": {} },
    });
    expect(payload.nonce).toBeUndefined();
    await context.close();
  } finally {
    await receiver.close();
  }
});
