import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { authLogger } from "@/lib/auth/auth-logger";
import { authCookies, isHttpsDeployment, readSessionSecret } from "@/lib/auth/cookies";
import { authorizeWithPasskey } from "@/lib/auth/passkey-sign-in";
import { ssoProvider } from "@/lib/auth/single-sign-on";
import { allowSsoSignIn, auditAccountLinked, ssoSessionSecret } from "@/lib/auth/sso-callbacks";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { runWithRequestContext, requestContextFrom } from "@/lib/request-context";
import { signInSchema } from "@/lib/schemas/auth";
import { endSession } from "@/lib/services/auth/end-session";
import { findSessionActor } from "@/lib/services/auth/find-session-actor";
import { signInWithPassword } from "@/lib/services/auth/sign-in-with-password";
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

async function authorize(credentials: Partial<Record<string, unknown>>, request: Request) {
  // A passkey sign-in, alone or as the second step, carries the authenticator's answer instead of a password.
  if (credentials.passkeyResponse !== undefined) return authorizeWithPasskey(credentials, request);
  const input = signInSchema.safeParse(credentials);
  if (!input.success) throw new CredentialsSignin();
  try {
    const { actor, sessionToken } = await runWithRequestContext(requestContextFrom(request.headers), () => signInWithPassword(input.data));
    return { id: actor.userId, email: actor.email, sessionToken };
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthorized") throw new CredentialsSignin();
    if (error instanceof AppError && error.code === "forbidden") throw new EmailNotVerified();
    if (error instanceof AppError && error.code === "rate_limited") throw new SignInRateLimited(error.message);
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
    useSecureCookies: isHttpsDeployment(),
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
 * Cached for the request, so a layout and its page share one check.
 */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const secret = await readSessionSecret((await headers()).get("cookie"));
  return secret ? findSessionActor(secret) : null;
});
