import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { secondFactorSignInAction } from "@/app/sign-in/second-factor/actions";
import { signInAction } from "@/app/sign-in/actions";
import { deviceCookieName, deviceIdFor } from "@/lib/auth/device-cookie";
import { configOverrides, resetConfigOverrides } from "@/tests/support/config-overrides";
import { createUser } from "@/tests/support/factories";
import { createUserWithTotp, nextTotpCode } from "@/tests/support/second-factors";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));

type SetCookie = { value: string; options?: Record<string, unknown> };

// The sign-in form's request as Next.js hands it to the action, and the cookies its answer sets.
const browser = vi.hoisted(() => ({ headers: new Headers(), jar: new Map<string, SetCookie>() }));
vi.mock("next/headers", () => ({
  headers: async () => browser.headers,
  cookies: async () => ({
    get: (name: string) => (browser.jar.has(name) ? { name, value: browser.jar.get(name)!.value } : undefined),
    set: (name: string, value: string, options?: Record<string, unknown>) => browser.jar.set(name, { value, options }),
    delete: (name: string | { name: string }) => browser.jar.delete(typeof name === "string" ? name : name.name),
  }),
}));

/** A new request from a new address, carrying these cookies. */
function newRequest(cookie?: string) {
  browser.headers = new Headers({ host: "localhost:3000", "x-forwarded-for": `ip-${crypto.randomUUID()}`, ...(cookie ? { cookie } : {}) });
  browser.jar = new Map();
}

beforeEach(() => newRequest());
afterEach(resetConfigOverrides);

function form(fields: Record<string, string>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.set(name, value);
  return formData;
}

/** Success ends in Next.js's redirect; anything else is the form's answer. */
const redirected = (answer: Promise<unknown>) => expect(answer).rejects.toMatchObject({ digest: expect.stringMatching(/NEXT_REDIRECT/) });

describe("signing in through the sign-in form", () => {
  it("gives the browser a device cookie for the account, HttpOnly, SameSite=Lax and for 180 days", async () => {
    const { user, password } = await createUser();
    await redirected(signInAction({}, form({ email: user.email, password, callbackUrl: "/admin" })));

    expect([...browser.jar.keys()]).toContain("authjs.session-token");
    const device = browser.jar.get(deviceCookieName());
    expect(deviceIdFor(device?.value, user.id)).not.toBeNull();
    expect(device?.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false, path: "/", maxAge: 180 * 86_400 });
  });

  it("gives none for a wrong password", async () => {
    const { user } = await createUser();
    const answer = await signInAction({}, form({ email: user.email, password: "wrong", callbackUrl: "/admin" }));
    expect(answer.error).toBe("The email or password is incorrect.");
    expect(browser.jar.has(deviceCookieName())).toBe(false);
  });

  it("gives one only once the second factor is done, when the account has one", async () => {
    const { user, password, secret } = await createUserWithTotp();
    await redirected(signInAction({}, form({ email: user.email, password, callbackUrl: "/admin" })));
    expect(browser.jar.has(deviceCookieName())).toBe(false);

    const pendingSignIn = browser.jar.get("usermanager.pending-sign-in")!.value;
    browser.headers.set("cookie", `usermanager.pending-sign-in=${pendingSignIn}`);
    await redirected(secondFactorSignInAction({}, form({ method: "totp", otp: nextTotpCode(secret), callbackUrl: "/admin" })));
    expect(deviceIdFor(browser.jar.get(deviceCookieName())?.value, user.id)).not.toBeNull();
  });

  it("lets that browser back in while the account's ceiling refuses everyone else", async () => {
    configOverrides.RATE_LIMIT_SIGN_IN_PER_ACCOUNT = 3;
    const { user, password } = await createUser();
    const signIn = (password: string) => signInAction({}, form({ email: user.email, password, callbackUrl: "/admin" }));
    await redirected(signIn(password));
    const device = `${deviceCookieName()}=${browser.jar.get(deviceCookieName())!.value}`;

    for (let attempt = 0; attempt < 3; attempt++) {
      newRequest();
      await signIn("wrong");
    }
    newRequest();
    expect((await signIn(password)).error).toMatch(/^Too many attempts/);
    newRequest(`theme=dark; ${device}`);
    await redirected(signIn(password));
  });
});
