import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { signAccessToken } from "@/lib/auth/access-token";
import { hashToken } from "@/lib/auth/tokens";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { findBearerActor } from "@/lib/services/auth/find-bearer-actor";
import { issueTokensForPassword } from "@/lib/services/auth/issue-tokens-for-password";
import { refreshTokens } from "@/lib/services/auth/refresh-tokens";
import { revokeToken } from "@/lib/services/auth/revoke-token";
import { appErrorOf } from "@/tests/support/errors";
import { createUser } from "@/tests/support/factories";

async function passwordGrant(scopes: ("read" | "write")[] = ["read", "write"]) {
  const { user, password } = await createUser();
  const grant = await issueTokensForPassword({ email: user.email, password, scopes, clientId: "test-client" });
  if ("mfaToken" in grant) throw new Error("a user without a second factor got an mfa_token");
  return { user, grant };
}

const sessionIdOf = async (accessToken: string) => (await findBearerActor(accessToken))?.sessionId;

describe("issueTokensForPassword", () => {
  it("opens an API session named by a short-lived access token", async () => {
    const { user, grant } = await passwordGrant(["read"]);
    expect(grant).toMatchObject({ expiresIn: 600, scopes: ["read"] });
    expect(grant.refreshToken).toMatch(/^umr_read_/);
    const actor = await findBearerActor(grant.accessToken);
    expect(actor).toMatchObject({ userId: user.id, via: "access_token", scopes: ["read"], apiTokenId: null });
    const session = await db().session.findUniqueOrThrow({ where: { id: actor!.sessionId! } });
    expect(session.kind).toBe("api");
    const stored = await db().refreshToken.findFirstOrThrow({ where: { sessionId: session.id } });
    expect(stored.tokenHash).toBe(hashToken(grant.refreshToken));
    expect(await db().auditEvent.count({ where: { action: "auth.token_issued", targetId: session.id } })).toBe(1);
  });

  it("refuses a wrong password with the same answer as the browser", async () => {
    const { user } = await createUser();
    const error = await appErrorOf(issueTokensForPassword({ email: user.email, password: "nope", scopes: ["read"], clientId: "x" }));
    expect(error.message).toBe("The email or password is incorrect.");
  });
});

describe("refreshTokens", () => {
  it("rotates: the new pair works, the old refresh token is marked used", async () => {
    const { grant } = await passwordGrant();
    const next = await refreshTokens({ refreshToken: grant.refreshToken, scopes: null, clientId: "test-client" });
    expect(next.refreshToken).not.toBe(grant.refreshToken);
    expect(await sessionIdOf(next.accessToken)).toBe(await sessionIdOf(grant.accessToken));
    const old = await db().refreshToken.findUniqueOrThrow({ where: { tokenHash: hashToken(grant.refreshToken) } });
    expect(old.usedAt).not.toBeNull();
  });

  it("ends the whole session when a used refresh token comes back", async () => {
    const { grant } = await passwordGrant();
    const sessionId = (await sessionIdOf(grant.accessToken))!;
    const next = await refreshTokens({ refreshToken: grant.refreshToken, scopes: null, clientId: "c" });

    const reuse = await appErrorOf(refreshTokens({ refreshToken: grant.refreshToken, scopes: null, clientId: "c" }));
    expect(reuse.code).toBe("unauthorized");
    expect(await findBearerActor(next.accessToken)).toBeNull();
    expect(await findBearerActor(grant.accessToken)).toBeNull();
    await appErrorOf(refreshTokens({ refreshToken: next.refreshToken, scopes: null, clientId: "c" }));
    expect(await db().refreshToken.count({ where: { sessionId } })).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "auth.refresh_token_reused", targetId: sessionId } })).toBe(1);
  });

  it("narrows scopes on request but never widens them", async () => {
    const { grant } = await passwordGrant();
    const narrowed = await refreshTokens({ refreshToken: grant.refreshToken, scopes: ["read"], clientId: "c" });
    expect((await findBearerActor(narrowed.accessToken))?.scopes).toEqual(["read"]);
    // The refresh token keeps everything granted, so a later refresh may ask for it all again.
    const again = await refreshTokens({ refreshToken: narrowed.refreshToken, scopes: null, clientId: "c" });
    expect(again.scopes).toEqual(["read", "write"]);

    const { grant: readOnly } = await passwordGrant(["read"]);
    const widened = await appErrorOf(refreshTokens({ refreshToken: readOnly.refreshToken, scopes: ["read", "write"], clientId: "c" }));
    expect(widened.fieldErrors?.[0]?.field).toBe("scope");
  });

  it("refuses an expired refresh token and a token whose scope part was edited", async () => {
    const { grant } = await passwordGrant(["read"]);
    const edited = grant.refreshToken.replace(/^umr_read_/, "umr_read-write_");
    await appErrorOf(refreshTokens({ refreshToken: edited, scopes: null, clientId: "c" }));

    await db().refreshToken.updateMany({
      where: { tokenHash: hashToken(grant.refreshToken) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await appErrorOf(refreshTokens({ refreshToken: grant.refreshToken, scopes: null, clientId: "c" }));
  });
});

describe("the absolute lifetime of an API session", () => {
  const day = 86_400_000;
  const startSessionDaysAgo = async (accessToken: string, days: number) => {
    const sessionId = (await sessionIdOf(accessToken))!;
    await db().session.update({ where: { id: sessionId }, data: { createdAt: new Date(Date.now() - days * day) } });
    return sessionId;
  };

  it("never lets rotation carry a session past REFRESH_TOKEN_MAX_DAYS from its first token", async () => {
    const { grant } = await passwordGrant();
    const sessionId = await startSessionDaysAgo(grant.accessToken, config().REFRESH_TOKEN_MAX_DAYS - 1);
    const next = await refreshTokens({ refreshToken: grant.refreshToken, scopes: null, clientId: "c" });
    const session = await db().session.findUniqueOrThrow({ where: { id: sessionId } });
    const end = session.createdAt.getTime() + config().REFRESH_TOKEN_MAX_DAYS * day;
    const stored = await db().refreshToken.findUniqueOrThrow({ where: { tokenHash: hashToken(next.refreshToken) } });
    expect(stored.expiresAt.getTime()).toBe(end);
    expect(session.expires.getTime()).toBe(end);
  });

  it("refuses a refresh once the session is older than REFRESH_TOKEN_MAX_DAYS, however fresh the token", async () => {
    const { grant } = await passwordGrant();
    await startSessionDaysAgo(grant.accessToken, config().REFRESH_TOKEN_MAX_DAYS + 1);
    const refused = await appErrorOf(refreshTokens({ refreshToken: grant.refreshToken, scopes: null, clientId: "c" }));
    expect(refused.code).toBe("unauthorized");
  });
});

describe("access tokens", () => {
  it("stop working the moment their session is revoked", async () => {
    const { grant } = await passwordGrant();
    await revokeToken({ token: grant.refreshToken });
    expect(await findBearerActor(grant.accessToken)).toBeNull();
    await appErrorOf(refreshTokens({ refreshToken: grant.refreshToken, scopes: null, clientId: "c" }));

    const { grant: second } = await passwordGrant();
    await revokeToken({ token: second.accessToken });
    expect(await findBearerActor(second.accessToken)).toBeNull();
    await expect(revokeToken({ token: "not a token at all" })).resolves.toBeUndefined();
  });

  it("are refused when unsigned, tampered with, signed with another key, or expired", async () => {
    const { user, grant } = await passwordGrant();
    const sessionId = (await sessionIdOf(grant.accessToken))!;
    const [header, payload] = grant.accessToken.split(".");
    const unsigned = `${Buffer.from(JSON.stringify({ alg: "none", typ: "at+jwt" })).toString("base64url")}.${payload}.`;
    expect(await findBearerActor(unsigned)).toBeNull();
    expect(await findBearerActor(`${header}.${payload}.${"A".repeat(43)}`)).toBeNull();

    const otherKey = new TextEncoder().encode("another key another key another key!");
    const forged = await new SignJWT({ sid: sessionId, scope: "read write", client_id: "x" })
      .setProtectedHeader({ alg: "HS256", typ: "at+jwt" })
      .setSubject(user.id)
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(otherKey);
    expect(await findBearerActor(forged)).toBeNull();

    const longAgo = new Date(Date.now() - 3600_000);
    const expired = await signAccessToken({ userId: user.id, sessionId, scopes: ["read"], clientId: "x" }, longAgo);
    expect(await findBearerActor(expired)).toBeNull();
  });
});
