import { describe, expect, it } from "vitest";
import { handlers } from "@/lib/session/auth";
import { db } from "@/lib/db";
import { runWithRequestContext } from "@/lib/request-context";
import { signInWithPassword } from "@/lib/services/auth/sign-in-with-password";
import { createUser } from "@/tests/support/factories";
import { createUserWithTotp, nextTotpCode } from "@/tests/support/second-factors";

const authUrl = "http://localhost:3000/api/auth";

/** POSTs fields to Auth.js's credentials callback as a script would, CSRF token and cookie included. */
async function postCredentials(fields: Record<string, string>): Promise<Response> {
  const csrf = await handlers.GET(new Request(`${authUrl}/csrf`) as never);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const request = new Request(`${authUrl}/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": "10.79.0.1" },
    body: new URLSearchParams({ ...fields, csrfToken, callbackUrl: "/admin" }),
  });
  return handlers.POST(request as never);
}

const sessionCookie = (response: Response) => response.headers.getSetCookie().find((line) => line.startsWith("authjs.session-token="));

describe("Auth.js's credentials callback, posted to directly", () => {
  it("opens a session for a right password when the account has no second factor", async () => {
    const { user, password } = await createUser();
    const response = await postCredentials({ email: user.email, password });
    expect(sessionCookie(response)).toBeDefined();
  });

  it("gives no session cookie for a right password when the account has a second factor", async () => {
    const { user, password } = await createUserWithTotp();
    const sessionsBefore = await db().session.count({ where: { userId: user.id } });
    const response = await postCredentials({ email: user.email, password });

    expect(sessionCookie(response)).toBeUndefined();
    expect(await db().session.count({ where: { userId: user.id } })).toBe(sessionsBefore);
    // The redirect names the refusal only; the pending sign-in's secret appears nowhere.
    const location = new URL(response.headers.get("location")!);
    expect(Object.fromEntries(location.searchParams)).toEqual({ error: "CredentialsSignin", code: "second_factor_required" });
  });

  it("opens the session once the pending sign-in and a valid code are posted", async () => {
    const { user, password, secret } = await createUserWithTotp();
    const started = await runWithRequestContext({ requestId: "test", ip: "10.79.0.2", userAgent: null }, () =>
      signInWithPassword({ email: user.email, password }),
    );
    if (!("pendingSignIn" in started)) throw new Error("The password alone opened a session.");

    const wrong = await postCredentials({ pendingSignIn: started.pendingSignIn.secret, otp: "12345" });
    expect(sessionCookie(wrong)).toBeUndefined();
    const right = await postCredentials({ pendingSignIn: started.pendingSignIn.secret, otp: nextTotpCode(secret) });
    expect(sessionCookie(right)).toBeDefined();
  });
});
