import { afterEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { GlobalRole } from "@/lib/generated/prisma/enums";
import { createOrganization } from "@/lib/services/organizations/create-organization";
import { mayCreateOrganizations } from "@/lib/services/organizations/may-create-organizations";
import { configOverrides, resetConfigOverrides } from "@/tests/support/config-overrides";
import { createUser, freshSessionActor } from "@/tests/support/factories";
import { uniqueSlug } from "@/tests/support/organizations";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));

afterEach(resetConfigOverrides);

const actorWithRole = async (role: GlobalRole) => freshSessionActor((await createUser({ role })).user);
const create = (actor: Actor) => createOrganization({ actor, data: { name: "Acme", slug: uniqueSlug() } });

describe("who may create an organization", () => {
  it("is every signed-in user by default", async () => {
    const user = await actorWithRole("user");
    expect(mayCreateOrganizations(user)).toBe(true);
    await expect(create(user)).resolves.toMatchObject({ name: "Acme" });
  });

  it("is only global admins and superadmins with ORGANIZATION_CREATION=admins", async () => {
    configOverrides.ORGANIZATION_CREATION = "admins";
    const user = await actorWithRole("user");
    expect(mayCreateOrganizations(user)).toBe(false);
    await expect(create(user)).rejects.toMatchObject({ status: 403, message: "Only administrators may create organizations here." });
    for (const role of ["admin", "superadmin"] as const) {
      const administrator = await actorWithRole(role);
      expect(mayCreateOrganizations(administrator)).toBe(true);
      await expect(create(administrator)).resolves.toMatchObject({ name: "Acme" });
    }
  });

  it("is never a token limited to one organization or a read-only one, whoever its user is", async () => {
    const superadmin = await actorWithRole("superadmin");
    const limited: Actor = { ...superadmin, via: "api_token", scopes: ["read", "write"], organizationId: superadmin.userId };
    const readOnly: Actor = { ...superadmin, via: "api_token", scopes: ["read"], organizationId: null };
    for (const actor of [limited, readOnly]) {
      expect(mayCreateOrganizations(actor)).toBe(false);
      await expect(create(actor)).rejects.toMatchObject({ status: 403 });
    }
  });
});
