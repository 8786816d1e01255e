import { expect, test, type APIRequestContext } from "@playwright/test";
import { softwareAuthenticator } from "@/tests/support/software-authenticator";
import { addPasskey, addVirtualAuthenticator, signInWithPassword, signOutFromMenu } from "./passkey-support";
import { createTestUser } from "./users";
import { variantUrl } from "./variants";

// Passkeys need the server at http://localhost:… (see e2e/passkey-support.ts).
test.describe.configure({ mode: "serial" });
let appUrl: string;
test.beforeAll(() => {
  appUrl = variantUrl("localhost");
});

test("a passkey added on the account page signs in on its own, and stops working once removed", async ({ page }) => {
  const user = await createTestUser("passkey");
  const authenticator = await addVirtualAuthenticator(page);
  await signInWithPassword(page, appUrl, user);

  await page.goto(`${appUrl}/account`);
  const passkeys = page.getByRole("region", { name: "Passkeys" });
  await expect(passkeys.getByText("No passkeys yet.")).toBeVisible();
  await passkeys.getByRole("button", { name: "Add a passkey" }).click();
  await expect(passkeys.getByText("Enter a name.")).toBeVisible();
  await passkeys.getByLabel("Passkey name").fill("Virtual key");
  await passkeys.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("The passkey “Virtual key” was added.")).toBeVisible();
  await expect(passkeys.getByTestId("passkey")).toContainText("Virtual key");
  await expect(passkeys.getByTestId("passkey")).toContainText("last used Never");
  const [credential] = await authenticator.credentials();
  expect(credential).toMatchObject({ isResidentCredential: true, rpId: "localhost" });

  await signOutFromMenu(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(`${appUrl}/admin`, { timeout: 20_000 });
  expect((await page.request.get(`${appUrl}/api/v1/users/me`)).status()).toBe(200);
  await page.goto(`${appUrl}/account`);
  await expect(passkeys.getByTestId("passkey")).not.toContainText("last used Never");

  // With a passkey, the password alone no longer signs in: the passkey is the second step.
  await signOutFromMenu(page);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\/second-factor/, { timeout: 20_000 });
  expect((await page.request.get(`${appUrl}/api/v1/users/me`)).status()).toBe(401);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page).toHaveURL(`${appUrl}/admin`, { timeout: 20_000 });
  await page.goto(`${appUrl}/account`);

  // The only factor, removed by a session that signed in with that passkey moments ago: that is the confirmation step-up asks for.
  await passkeys.getByRole("button", { name: "Remove passkey Virtual key" }).click();
  await expect(passkeys.getByText("No passkeys yet.")).toBeVisible();

  // The authenticator still holds the credential, but the server no longer knows it.
  await signOutFromMenu(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByText("The passkey was not accepted.")).toBeVisible();
  expect((await page.request.get(`${appUrl}/api/v1/users/me`)).status()).toBe(401);
});

test("a sensitive action is confirmed with the passkey, which must verify the person, and then goes through", async ({ page }) => {
  const user = await createTestUser("passkey-step-up");
  const authenticator = await addVirtualAuthenticator(page);
  await signInWithPassword(page, appUrl, user);
  await addPasskey(page, appUrl, "Only key");

  // The session was confirmed by the password alone; with a factor now, a new token asks for it.
  await page.getByLabel("Token name").fill("Confirmed by passkey");
  await page.getByLabel("Expires after").selectOption("7");
  await page.getByRole("button", { name: "Create token" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
  await expect(dialog).toBeVisible();

  // A touch without the PIN or biometric check does not confirm.
  await authenticator.setUserVerified(false);
  await dialog.getByRole("button", { name: "Use a passkey" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("The passkey prompt was closed or timed out. Try again.");
  await expect(page.getByTestId("api-token")).toHaveCount(0);

  await authenticator.setUserVerified(true);
  await dialog.getByRole("button", { name: "Use a passkey" }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(page.getByTestId("new-token-secret")).toHaveText(/^umt_/);
  await expect(page.getByTestId("api-token")).toContainText("Confirmed by passkey");
});

/** An access token from the password grant, for the API calls below. */
async function passwordToken(request: APIRequestContext, user: { email: string; password: string }): Promise<string> {
  const answer = await request.post(`${appUrl}/api/v1/auth/token`, {
    form: { grant_type: "password", username: user.email, password: user.password },
  });
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { access_token: string }).access_token;
}

test("an API client registers a passkey and trades its answers for tokens; bad answers are refused, never 500", async ({ request }) => {
  const user = await createTestUser("passkey-api");
  const headers = { authorization: `Bearer ${await passwordToken(request, user)}` };
  const device = softwareAuthenticator({ rpID: "localhost", origin: appUrl });

  const options = await request.post(`${appUrl}/api/v1/users/me/mfa/passkeys/registration-options`, { headers });
  expect(options.status()).toBe(200);
  const creation = (await options.json()) as { challenge: string; rp: { id: string } };
  expect(creation.rp.id).toBe("localhost");
  const malformed = await request.post(`${appUrl}/api/v1/users/me/mfa/passkeys`, { headers, data: { name: "Bad", response: { id: 1 } } });
  expect(malformed.status()).toBe(422);
  expect(malformed.headers()["content-type"]).toContain("application/problem+json");
  const registered = await request.post(`${appUrl}/api/v1/users/me/mfa/passkeys`, {
    headers,
    data: { name: "Script key", response: device.register(creation) },
  });
  expect(registered.status()).toBe(201);
  const { id } = (await registered.json()) as { id: string };

  const start = async () => {
    const answer = await request.post(`${appUrl}/api/v1/auth/passkey/options`);
    expect(answer.status()).toBe(200);
    return (await answer.json()) as { passkeyChallenge: string; options: { challenge: string; userVerification: string } };
  };
  const verify = (data: object) => request.post(`${appUrl}/api/v1/auth/passkey/verify`, { data });

  const garbled = await start();
  const answer = device.assert({ challenge: garbled.options.challenge });
  const notJson = { ...answer, response: { ...answer.response, clientDataJSON: Buffer.from("{").toString("base64url") } };
  expect((await verify({ passkeyChallenge: garbled.passkeyChallenge, response: notJson })).status()).toBe(401);
  expect((await verify({ passkeyChallenge: garbled.passkeyChallenge, response: "not an object" })).status()).toBe(422);

  const { passkeyChallenge, options: requestOptions } = await start();
  expect(requestOptions.userVerification).toBe("required");
  const tokens = await verify({ passkeyChallenge, response: device.assert({ challenge: requestOptions.challenge }), scope: "read" });
  expect(tokens.status()).toBe(200);
  const grant = (await tokens.json()) as { access_token: string; token_type: string; scope: string };
  expect(grant).toMatchObject({ token_type: "Bearer", scope: "read" });
  const me = await request.get(`${appUrl}/api/v1/users/me`, { headers: { authorization: `Bearer ${grant.access_token}` } });
  expect(((await me.json()) as { email: string }).email).toBe(user.email);

  // The last factor: removing a factor, the last one too, needs a second-factor confirmation, never the password alone.
  const bare = await request.delete(`${appUrl}/api/v1/users/me/mfa/passkeys/${id}`, { headers });
  expect(bare.status()).toBe(403);
  expect(await bare.json()).toMatchObject({ code: "second_factor_required" });
  const withPassword = await request.delete(`${appUrl}/api/v1/users/me/mfa/passkeys/${id}`, { headers, data: { password: user.password } });
  expect(withPassword.status()).toBe(403);
});
