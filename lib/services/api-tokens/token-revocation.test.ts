import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { apiTokenCreateSchema } from "@/lib/schemas/api-token";
import { createApiToken } from "@/lib/services/api-tokens/create-api-token";
import { findApiTokens } from "@/lib/services/api-tokens/find-api-tokens";
import { revokeApiToken } from "@/lib/services/api-tokens/revoke-api-token";
import { changeOwnPassword } from "@/lib/services/auth/change-own-password";
import { findBearerActor } from "@/lib/services/auth/find-bearer-actor";
import { issueOneTimeToken } from "@/lib/services/auth/issue-one-time-token";
import { resetPassword } from "@/lib/services/auth/reset-password";
import { deleteUser } from "@/lib/services/users/delete-user";
import { disableUser } from "@/lib/services/users/disable-user";
import { enableUser } from "@/lib/services/users/enable-user";
import { restoreUser } from "@/lib/services/users/restore-user";
import { revokeUserSessions } from "@/lib/services/users/revoke-user-sessions";
import { appErrorOf } from "@/tests/support/errors";
import { actorFor, createUser, freshSessionActor } from "@/tests/support/factories";

/** A user holding one working personal access token, and a superadmin to act on them. */
async function userWithToken(role: "user" | "superadmin" = "user") {
  const { user, password } = await createUser({ role });
  const owner = await freshSessionActor(user);
  const created = await createApiToken({
    actor: owner,
    data: apiTokenCreateSchema.parse({ name: "CI", scopes: ["read", "write"], expiresInDays: 30 }),
  });
  expect(await findBearerActor(created.token)).not.toBeNull();
  const { user: superadmin } = await createUser({ role: "superadmin" });
  return { user, password, owner, token: created.token, tokenId: created.id, admin: actorFor(superadmin) };
}

const newPassword = "a brand new passphrase 42";

describe("personal access tokens end with the account's other credentials", () => {
  it("are revoked by a password reset", async () => {
    const { user, token } = await userWithToken();
    const link = await db().$transaction((tx) =>
      issueOneTimeToken(tx, { userId: user.id, purpose: "password_reset", email: user.email, ttlMinutes: 60 }),
    );
    await resetPassword({ token: link, password: newPassword });
    expect(await findBearerActor(token)).toBeNull();
  });

  it("are revoked by an administrator's sign out everywhere", async () => {
    const { user, token, admin } = await userWithToken();
    expect(await revokeUserSessions({ actor: admin, userId: user.id })).toMatchObject({ revokedTokens: 1 });
    expect(await findBearerActor(token)).toBeNull();
  });

  it("are revoked by a password change unless the user keeps them", async () => {
    const first = await userWithToken();
    const changed = await changeOwnPassword({ actor: first.owner, data: { currentPassword: first.password, newPassword } });
    expect(changed.revokedTokens).toBe(1);
    expect(await findBearerActor(first.token)).toBeNull();

    const second = await userWithToken();
    await changeOwnPassword({ actor: second.owner, data: { currentPassword: second.password, newPassword, revokeTokens: false } });
    expect(await findBearerActor(second.token)).not.toBeNull();
  });

  it("stay dead when a disabled user is enabled again", async () => {
    const { user, token, admin } = await userWithToken();
    await disableUser({ actor: admin, userId: user.id });
    await enableUser({ actor: admin, userId: user.id });
    expect(await findBearerActor(token)).toBeNull();
  });

  it("stay dead when a deleted user is restored", async () => {
    const { user, token, admin } = await userWithToken();
    await deleteUser({ actor: admin, userId: user.id });
    await restoreUser({ actor: admin, userId: user.id });
    expect(await findBearerActor(token)).toBeNull();
  });
});

describe("administrators and a user's tokens", () => {
  it("list and revoke them, audited", async () => {
    const { user, token, tokenId, admin } = await userWithToken();
    expect((await findApiTokens({ actor: admin, userId: user.id })).map((listed) => listed.id)).toEqual([tokenId]);
    await revokeApiToken({ actor: admin, userId: user.id, tokenId });
    expect(await findBearerActor(token)).toBeNull();
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "api_token.revoked", targetId: tokenId } });
    expect(event.actorId).toBe(admin.userId);
  });

  it("see nothing for a plain user, and an admin may read but not revoke a superadmin's", async () => {
    const { user, tokenId } = await userWithToken("superadmin");
    const { user: plain } = await createUser();
    expect((await appErrorOf(findApiTokens({ actor: actorFor(plain), userId: user.id }))).code).toBe("not_found");
    const { user: adminUser } = await createUser({ role: "admin" });
    const admin = actorFor(adminUser);
    expect(await findApiTokens({ actor: admin, userId: user.id })).toHaveLength(1);
    expect((await appErrorOf(revokeApiToken({ actor: admin, userId: user.id, tokenId }))).code).toBe("forbidden");
    expect((await appErrorOf(revokeApiToken({ actor: admin, userId: plain.id, tokenId }))).code).toBe("not_found");
  });
});
