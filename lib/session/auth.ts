import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { cache } from "react";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authLogger } from "@/lib/session/auth-logger";
import { authCookies, readSessionSecret } from "@/lib/session/auth-cookies";
import { authorizeWithPasskey } from "@/lib/session/passkey-sign-in";
import { ssoProvider } from "@/lib/session/single-sign-on";
import { allowSsoSignIn, auditAccountLinked, ssoSessionSecret } from "@/lib/session/sso-callbacks";
import { config, isHttpsDeployment } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { currentRequestContext, noteSignedIn, runWithRequestContext, requestContextFrom } from "@/lib/request-context";
import { requestMethodHeader, requestPathHeader } from "@/lib/request-path";
import { signInSchema, type SignInInput } from "@/lib/schemas/auth";
import { secondFactorCredentialsSchema } from "@/lib/schemas/second-factor";
import { completeSecondFactorSignIn } from "@/lib/services/auth/complete-second-factor-sign-in";
import { endSession } from "@/lib/services/auth/end-session";
import { findSessionActor } from "@/lib/services/auth/find-session-actor";
import { recordImpersonatedRequest } from "@/lib/services/impersonation/record-impersonated-request";
import { signInWithPassword, type SignInResult } from "@/lib/services/auth/sign-in-with-password";
import { ssoAdapter } from "@/lib/services/auth/sso-adapter";

declare module "next-auth" {
  interface User {
    sessionToken?: string;
  }
  interface Session {
    actor: Actor;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    /** The server-side session secret; the encrypted cookie is only its carrier. */
    sid?: string;
    actor?: Actor;
  }
}

/** Too many attempts or a locked account: Auth.js passes this back to the sign-in form, message included. */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly detail: string) {
    super(detail);
  }
}

/** Told apart from a wrong password only after the password was right, so it reveals nothing. */
export class EmailNotVerified extends CredentialsSignin {
  code = "email_not_verified";
}

/**
 * The password was right and the account has a second factor: no session yet. The
 * secret of the pending sign-in rides on the error to the sign-in action, which keeps
 * it in a cookie; it is kept out of `code` and the message, which Auth.js puts in the
 * redirect URL of a direct POST to its callback.
 */
export class SecondFactorRequired extends CredentialsSignin {
  code = "second_factor_required";
  constructor(readonly pendingSignIn: { secret: string; expiresAt: Date }) {
    super();
  }
}

/** The pending sign-in of a second step is expired, spent, unknown or guessed at too often. */
export class PendingSignInExpired extends CredentialsSignin {
  code = "sign_in_expired";
}

/** One way to sign in with credentials: the fields it accepts, and what opens the session with them. */
const credentialStep =
  <Schema extends z.ZodType>(schema: Schema, signIn: (input: z.output<Schema>) => Promise<SignInResult>) =>
  (credentials: unknown): Promise<SignInResult> | null => {
    const input = schema.safeParse(credentials);
    return input.success ? signIn(input.data) : null;
  };

async function passwordStep(input: SignInInput): Promise<SignInResult> {
  const result = await signInWithPassword(input);
  if ("pendingSignIn" in result) throw new SecondFactorRequired(result.pendingSignIn);
  return result;
}

/** The ways to sign in with credentials, tried in turn: the first whose fields were sent decides. */
const credentialSteps = [
  credentialStep(secondFactorCredentialsSchema, completeSecondFactorSignIn),
  credentialStep(signInSchema, passwordStep),
];

async function signInWithCredentials(credentials: unknown): Promise<SignInResult> {
  for (const step of credentialSteps) {
    const signedIn = step(credentials);
    if (signedIn) return signedIn;
  }
  throw new CredentialsSignin();
}

async function authorize(credentials: Partial<Record<string, unknown>>, request: Request) {
  // A passkey sign-in, alone or as the second step, carries the authenticator's answer instead of a password.
  if (credentials.passkeyResponse !== undefined) return authorizeWithPasskey(credentials, request);
  try {
    const { actor, sessionToken } = await runWithRequestContext(requestContextFrom(request.headers), () =>
      signInWithCredentials(credentials),
    );
    // For the sign-in action this runs in, which then gives the browser a device cookie (remember-device.ts).
    noteSignedIn(actor.userId);
    return { id: actor.userId, email: actor.email, sessionToken };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "unauthorized") throw new CredentialsSignin();
    if (error.code === "forbidden") throw new EmailNotVerified();
    if (error.code === "not_found") throw new PendingSignInExpired();
    if (error.code === "rate_limited") throw new SignInRateLimited(error.message);
    throw error;
  }
}

/**
 * Auth.js carries the session in an encrypted cookie, but the cookie only names a
 * database session; the `jwt` callback checks that row on every request and drops the
 * cookie when the row is gone. That is what makes sessions revocable.
 */
function authConfig(): NextAuthConfig {
  const { AUTH_SECRET, SESSION_MAX_AGE_HOURS } = config();
  const sso = ssoProvider();
  return {
    // The adapter only finds, creates and links users for single sign-on; sessions stay rows of our own.
    adapter: sso ? ssoAdapter() : undefined,
    secret: AUTH_SECRET,
    logger: authLogger,
    trustHost: true,
    useSecureCookies: isHttpsDeployment(config()),
    cookies: authCookies(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_HOURS * 3600 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize,
      }),
      ...(sso ? [sso] : []),
    ],
    callbacks: {
      signIn: allowSsoSignIn,
      async jwt({ token, user, account, profile, isNewUser }) {
        if (user?.sessionToken) token.sid = user.sessionToken;
        else if (account) token.sid = (await ssoSessionSecret({ user, account, profile, isNewUser })) ?? token.sid;
        if (!token.sid) return null;
        const actor = await findSessionActor(token.sid);
        if (!actor) return null;
        await recordIfViewing(actor);
        return { sid: token.sid, actor };
      },
      async session({ session, token }) {
        if (token.actor) session.actor = token.actor;
        return session;
      },
    },
    events: {
      linkAccount: ({ user, account }) => auditAccountLinked({ user, account }),
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (sid) await endSession(sid);
      },
    },
  };
}

export const { handlers, signIn, signOut } = NextAuth(authConfig);

/**
 * The signed-in browser's actor, or null: decrypts the session cookie and checks its
 * session row, as the `jwt` callback does. It skips `auth()`, which would also encrypt
 * a refreshed cookie on every call that pages and route handlers cannot set anyway;
 * the cookie is issued to live as long as its session may, so nothing needs refreshing.
 * Cached for the request, so a layout and its page share one check, and a request made
 * while an administrator views as the user is audited once.
 */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const secret = await readSessionSecret((await headers()).get("cookie"));
  const actor = secret ? await findSessionActor(secret) : null;
  await recordIfViewing(actor);
  return actor;
});

/**
 * Every request made while an administrator views as the user is audited, whichever
 * entry point resolved the session: a page, an action, the API, or Auth.js's own
 * session endpoint. Route handlers know their request line; pages learn it from the proxy.
 */
async function recordIfViewing(actor: Actor | null): Promise<void> {
  if (!actor?.impersonator) return;
  const requestHeaders = await headers();
  const line = currentRequestContext()?.requestLine ?? {
    method: requestHeaders.get(requestMethodHeader) ?? "GET",
    path: requestHeaders.get(requestPathHeader) ?? "/",
  };
  await recordImpersonatedRequest(actor, line, requestHeaders);
}
