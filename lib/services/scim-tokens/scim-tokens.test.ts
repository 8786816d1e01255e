import { describe, expect, it } from "vitest";
import { hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { createScimToken } from "@/lib/services/scim-tokens/create-scim-token";
import { findScimTokens } from "@/lib/services/scim-tokens/find-scim-tokens";
import { revokeScimToken } from "@/lib/services/scim-tokens/revoke-scim-token";
import { findScimCaller } from "@/lib/services/scim/scim-caller";
import { createUser, freshSessionActor } from "@/tests/support/factories";
import { createOrganizationFor } from "@/tests/support/organizations";

async function ownerWithOrganization() {
  const owner = await freshSessionActor((await createUser()).user);
  return { owner, organization: await createOrganizationFor(owner) };
}

describe("SCIM tokens", () => {
  it("show the secret once, store only its digest, and act for their organization only", async () => {
    const { owner, organization } = await ownerWithOrganization();
    const created = await createScimToken({ actor: owner, organizationId: organization.id, data: { name: "Okta" } });
    expect(created.token).toMatch(/^scim_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 13));
    const stored = await db().scimToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(stored)).not.toContain(created.token);
    const listed = await findScimTokens({ actor: owner, organizationId: organization.id });
    expect(listed).toEqual([
      {
        id: created.id,
        organizationId: organization.id,
        name: "Okta",
        prefix: created.prefix,
        createdAt: created.createdAt,
        lastUsedAt: null,
      },
    ]);
    expect(await findScimCaller(created.token)).toEqual({
      via: "scim_token",
      credential: "scim_token",
      tokenId: created.id,
      organizationId: organization.id,
      name: "Okta",
    });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "scim_token.created", targetId: created.id } });
    expect(audit).toMatchObject({ actorId: owner.userId, organizationId: organization.id });
    expect(JSON.stringify(audit.after)).not.toContain(created.token);
  });

  it("stop resolving once revoked, and a revoked or foreign token cannot be revoked again", async () => {
    const { owner, organization } = await ownerWithOrganization();
    const other = await ownerWithOrganization();
    const created = await createScimToken({ actor: owner, organizationId: organization.id, data: { name: "Entra ID" } });
    await expect(revokeScimToken({ actor: other.owner, organizationId: other.organization.id, tokenId: created.id })).rejects.toMatchObject(
      { status: 404 },
    );
    await revokeScimToken({ actor: owner, organizationId: organization.id, tokenId: created.id });
    expect(await findScimCaller(created.token)).toBeNull();
    expect(await findScimTokens({ actor: owner, organizationId: organization.id })).toEqual([]);
    await expect(revokeScimToken({ actor: owner, organizationId: organization.id, tokenId: created.id })).rejects.toMatchObject({
      status: 404,
    });
    expect(await db().auditEvent.count({ where: { action: "scim_token.revoked", targetId: created.id } })).toBe(1);
  });

  it("are not personal access tokens, nor the other way round", async () => {
    expect(await findScimCaller("umt_something")).toBeNull();
  });
});
