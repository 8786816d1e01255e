import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { api } from "@/tests/support/api";
import { configOverrides, resetConfigOverridesButDatabase } from "@/tests/support/config-overrides";
import { createUser } from "@/tests/support/factories";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));

afterEach(resetConfigOverridesButDatabase);

const token = (form: Record<string, string>) =>
  api("POST", "/api/v1/auth/token", {
    body: new URLSearchParams(form).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `192.0.2.${Math.floor(Math.random() * 250)}` },
  });

// Loads the endpoint once, so the first test does not spend its time limit on compiling it.
beforeAll(() => token({}));

describe("the legacy password grant (OAUTH_PASSWORD_GRANT)", () => {
  it("is on by default, so existing clients keep working after an upgrade", async () => {
    const { user, password } = await createUser();
    const answer = await token({ grant_type: "password", username: user.email, password });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ token_type: "Bearer" });
  });

  it("turned off, refuses the password grant and its second-factor step with unsupported_grant_type, and checks no password", async () => {
    const { user, password } = await createUser();
    const issued = await token({ grant_type: "password", username: user.email, password });
    configOverrides.OAUTH_PASSWORD_GRANT = false;

    const refused = await token({ grant_type: "password", username: user.email, password });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: "unsupported_grant_type" });
    expect(String(refused.body?.error_description)).toContain("/oidc/auth");
    const secondStep = await token({ grant_type: "urn:usermanager:params:oauth:grant-type:mfa-otp", mfa_token: "x", otp: "123456" });
    expect(secondStep.body).toMatchObject({ error: "unsupported_grant_type" });

    // A session it gave before goes on until it lapses: its refresh token still works.
    const refreshed = await token({ grant_type: "refresh_token", refresh_token: String(issued.body?.refresh_token) });
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
  });
});
