import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findOidcAccount } from "@/lib/services/oidc/find-oidc-account";
import { createUser, freshSessionActor } from "@/tests/support/factories";
import { addMembership, createOrganizationFor } from "@/tests/support/organizations";

describe("the organizations claim", () => {
  it("names each membership's role and the user's groups there, and only its own organization to an organization's application", async () => {
    const { user: owner } = await createUser();
    const ownerActor = await freshSessionActor(owner);
    const [first, second] = [await createOrganizationFor(ownerActor, "First"), await createOrganizationFor(ownerActor, "Second")];
    const { user } = await createUser();
    await addMembership(first.id, user.id, "member");
    await addMembership(second.id, user.id, "admin");
    for (const name of ["Engineering", "On call"]) {
      await db().group.create({ data: { organizationId: first.id, name, members: { create: { userId: user.id } } } });
    }
    // A group of an organization the user does not belong to is never named.
    const stranger = await createOrganizationFor(ownerActor, "Stranger");
    await db().group.create({ data: { organizationId: stranger.id, name: "Elsewhere", members: { create: { userId: user.id } } } });

    const everywhere = await findOidcAccount({ userId: user.id, organizationId: null });
    const claims = await everywhere!.claims("userinfo", "openid organizations");
    expect(claims.organizations).toEqual([
      { id: first.id, slug: first.slug, name: "First", role: "member", groups: ["Engineering", "On call"] },
      { id: second.id, slug: second.slug, name: "Second", role: "admin", groups: [] },
    ]);
    const own = await findOidcAccount({ userId: user.id, organizationId: second.id });
    expect((await own!.claims("id_token", "openid organizations")).organizations).toEqual([
      { id: second.id, slug: second.slug, name: "Second", role: "admin", groups: [] },
    ]);
    expect(await findOidcAccount({ userId: user.id, organizationId: stranger.id })).toBeNull();
  });
});

describe("the attributes claim", () => {
  it("carries the custom attributes the person may see themselves, never those kept to administrators", async () => {
    const { user: owner } = await createUser();
    const organization = await createOrganizationFor(await freshSessionActor(owner), "Attributed");
    const { user } = await createUser();
    await addMembership(organization.id, user.id, "member");
    const suffix = randomUUID().slice(0, 8);
    const define = (key: string, userAccess: "none" | "read" | "edit", organizationId: string | null = null) =>
      db().attributeDefinition.create({ data: { key: `${key}${suffix}`, label: key, type: "text", userAccess, organizationId } });
    const [shown, hidden, own] = [
      await define("team", "read"),
      await define("salary", "none"),
      await define("desk", "edit", organization.id),
    ];
    for (const [definition, value] of [
      [shown, "Blue"],
      [hidden, "secret"],
      [own, "4B"],
    ] as const) {
      await db().attributeValue.create({ data: { definitionId: definition.id, userId: user.id, textValue: value } });
    }

    const everywhere = await findOidcAccount({ userId: user.id, organizationId: null });
    const claims = await everywhere!.claims("userinfo", "openid attributes");
    expect(claims.attributes).toMatchObject({ [`team${suffix}`]: "Blue" });
    expect(claims.attributes).not.toHaveProperty(`salary${suffix}`);
    expect(claims).not.toHaveProperty("organization_attributes");
    expect(await everywhere!.claims("userinfo", "openid profile")).not.toHaveProperty("attributes");

    const organizationApplication = await findOidcAccount({ userId: user.id, organizationId: organization.id });
    expect((await organizationApplication!.claims("userinfo", "openid attributes")).organization_attributes).toEqual({
      [`desk${suffix}`]: "4B",
    });
  });
});
