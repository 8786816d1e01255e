import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { apiTokenCreateSchema } from "@/lib/schemas/api-token";
import { createApiToken } from "@/lib/services/api-tokens/create-api-token";
import { findApiTokens } from "@/lib/services/api-tokens/find-api-tokens";
import { revokeApiToken } from "@/lib/services/api-tokens/revoke-api-token";
import { findBearerActor } from "@/lib/services/auth/find-bearer-actor";
import { appErrorOf } from "@/tests/support/errors";
import { createUser, freshSessionActor } from "@/tests/support/factories";

const input = (data: Record<string, unknown>) =>
  apiTokenCreateSchema.parse({ name: "CI", scopes: ["read", "write"], expiresInDays: 30, ...data });

async function signedInActor() {
  const { user } = await createUser();
  return freshSessionActor(user);
}

async function organizationWithMember(userId: string) {
  const organization = await db().organization.create({ data: { name: "Acme", slug: `acme-${randomUUID()}` } });
  const role = await db().organizationRole.create({ data: { organizationId: organization.id, name: "member", builtIn: true } });
  await db().membership.create({ data: { organizationId: organization.id, userId, roleId: role.id } });
  return organization;
}

describe("personal access tokens", () => {
  it("shows the secret once, stores only its digest, and acts with the token's scopes", async () => {
    const actor = await signedInActor();
    const created = await createApiToken({ actor, data: input({ scopes: ["read"] }) });
    expect(created.token).toMatch(/^umt_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 12));

    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.tokenHash).toBe(hashToken(created.token));
    const listed = await findApiTokens({ actor });
    expect(listed).toEqual([expect.objectContaining({ id: created.id, name: "CI", scopes: ["read"] })]);
    expect(JSON.stringify(listed)).not.toContain(created.token.slice(12));

    const caller = await findBearerActor(created.token);
    expect(caller).toMatchObject({ userId: actor.userId, via: "api_token", apiTokenId: created.id, scopes: ["read"] });
    expect(await db().auditEvent.count({ where: { action: "api_token.created", targetId: created.id } })).toBe(1);
  });

  it("records when and from where a token was last used", async () => {
    const actor = await signedInActor();
    const created = await createApiToken({ actor, data: input({}) });
    await findBearerActor(created.token);
    const [listed] = await findApiTokens({ actor });
    expect(listed!.lastUsedAt).not.toBeNull();
  });

  it("stops working once revoked or expired", async () => {
    const actor = await signedInActor();
    const revoked = await createApiToken({ actor, data: input({}) });
    await revokeApiToken({ actor, tokenId: revoked.id });
    expect(await findBearerActor(revoked.token)).toBeNull();
    expect(await findApiTokens({ actor })).toEqual([]);
    expect(await db().auditEvent.count({ where: { action: "api_token.revoked", targetId: revoked.id } })).toBe(1);

    const expiring = await createApiToken({ actor, data: input({ expiresInDays: 1 }) });
    expect(new Date(expiring.expiresAt!).getTime()).toBeGreaterThan(Date.now() + 86_000_000);
    await db().apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findBearerActor(expiring.token)).toBeNull();
  });

  it("cannot be revoked by another user", async () => {
    const owner = await signedInActor();
    const created = await createApiToken({ actor: owner, data: input({}) });
    const error = await appErrorOf(revokeApiToken({ actor: await signedInActor(), tokenId: created.id }));
    expect(error.code).toBe("not_found");
    expect(await findBearerActor(created.token)).not.toBeNull();
  });

  it("limits a token to an organization only for its members", async () => {
    const actor = await signedInActor();
    const organization = await organizationWithMember(actor.userId);
    const limited = await createApiToken({ actor, data: input({ organizationId: organization.id }) });
    expect((await findBearerActor(limited.token))?.organizationId).toBe(organization.id);

    const outsider = await signedInActor();
    const error = await appErrorOf(createApiToken({ actor: outsider, data: input({ organizationId: organization.id }) }));
    expect(error.code).toBe("validation_failed");
    expect(error.fieldErrors).toEqual([{ field: "organizationId", message: "You are not a member of this organization." }]);
  });

  it("lets a token mint only tokens with no more rights than its own", async () => {
    const session = await signedInActor();
    const readOnly: Actor = { ...session, via: "api_token", sessionId: null, apiTokenId: randomUUID(), scopes: ["read"] };
    const password = "correct horse battery staple";
    expect((await appErrorOf(createApiToken({ actor: readOnly, data: input({ password }) }))).code).toBe("forbidden");
    await expect(createApiToken({ actor: readOnly, data: input({ scopes: ["read"], password }) })).resolves.toBeDefined();
  });

  it("validates the request with messages per field", () => {
    const result = apiTokenCreateSchema.safeParse({ name: "", scopes: ["admin"], expiresAt: "2000-01-01T00:00:00Z", expiresInDays: 3 });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((issue) => issue.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["name", "scopes.0"]));

    const past = apiTokenCreateSchema.safeParse({ name: "old", scopes: ["read"], expiresAt: "2000-01-01T00:00:00Z" });
    expect(past.error?.issues).toEqual([expect.objectContaining({ path: ["expiresAt"], message: "The expiry must be in the future." })]);
    const withOffset = apiTokenCreateSchema.safeParse({ name: "later", scopes: ["read"], expiresAt: "2099-01-01T00:00:00+02:00" });
    expect(withOffset.success).toBe(true);
  });
});
