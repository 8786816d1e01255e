import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { ApiScope } from "@/lib/auth/scopes";
import { generatePersonalAccessToken, generateScimToken, generateToken, hashToken } from "@/lib/auth/tokens";
import { methodsOfProof } from "@/lib/auth/authentication-methods";
import { config } from "@/lib/config";
import { db } from "@/lib/db";

/** The session cookie's name outside https, which Auth.js also salts the cookie's key with. */
const sessionCookieName = "authjs.session-token";

type SessionOptions = {
  /** When the session last proved who it is; now by default, as right after signing in. */
  verifiedMinutesAgo?: number;
  verifiedWith?: "password" | "second_factor";
  /** How, method by method (RFC 8176); what the proof implies by default. */
  amr?: string[];
  /** An administrator viewing the app as the user ("view as"), and the administrator's own session behind it. */
  impersonator?: { id: string; sessionId?: string };
};

/**
 * A browser session of the user, as a Cookie header a browser would send: the session row
 * and the Auth.js cookie that names it, encrypted under the app's secret.
 */
export async function sessionCookie(user: { id: string }, options: SessionOptions = {}): Promise<{ cookie: string; sessionId: string }> {
  const secret = generateToken();
  const now = Date.now();
  const session = await db().session.create({
    data: {
      sessionToken: hashToken(secret),
      userId: user.id,
      expires: new Date(now + 3_600_000),
      verifiedAt: new Date(now - (options.verifiedMinutesAgo ?? 0) * 60_000),
      verifiedWith: options.verifiedWith ?? "password",
      amr: options.amr ?? methodsOfProof(options.verifiedWith ?? "password"),
      impersonatorId: options.impersonator?.id ?? null,
      impersonatorSessionId: options.impersonator?.sessionId ?? null,
    },
  });
  return { cookie: await cookieFor(secret), sessionId: session.id };
}

/** The Cookie header a browser holding this session secret sends (the session row must exist). */
export async function cookieFor(sessionSecret: string): Promise<string> {
  const token = await encode({ token: { sid: sessionSecret }, secret: config().AUTH_SECRET, salt: sessionCookieName });
  return `${sessionCookieName}=${token}`;
}

/** A personal access token of the user with these limits, as its bearer secret. */
export async function personalAccessToken(
  user: { id: string },
  limits: { scopes?: ApiScope[]; organizationId?: string | null } = {},
): Promise<string> {
  const { token, displayPrefix } = generatePersonalAccessToken();
  await db().apiToken.create({
    data: {
      userId: user.id,
      name: `test-${randomUUID().slice(0, 8)}`,
      prefix: displayPrefix,
      tokenHash: hashToken(token),
      scopes: limits.scopes ?? ["read", "write"],
      organizationId: limits.organizationId ?? null,
    },
  });
  return token;
}

/** An organization's SCIM token, as its bearer secret. */
export async function scimBearer(organizationId: string): Promise<string> {
  const { token, displayPrefix } = generateScimToken();
  await db().scimToken.create({ data: { organizationId, name: "Test directory", prefix: displayPrefix, tokenHash: hashToken(token) } });
  return token;
}
