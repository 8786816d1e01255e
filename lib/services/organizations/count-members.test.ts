import { describe, expect, it } from "vitest";
import { countMembers } from "@/lib/services/organizations/count-members";
import { actorFor, createUser } from "@/tests/support/factories";
import { addMembership, createOrganizationFor } from "@/tests/support/organizations";

describe("countMembers", () => {
  it("counts each organization's members for an administrator, and refuses others", async () => {
    const { user: owner } = await createUser();
    const { user: admin } = await createUser({ role: "admin" });
    const { user: member } = await createUser();
    const [busy, quiet] = [await createOrganizationFor(actorFor(owner)), await createOrganizationFor(actorFor(owner))];
    await addMembership(busy.id, member.id, "member");

    const counts = await countMembers({ actor: actorFor(admin), organizationIds: [busy.id, quiet.id] });
    expect(Object.fromEntries(counts)).toEqual({ [busy.id]: 2, [quiet.id]: 1 });
    await expect(countMembers({ actor: actorFor(owner), organizationIds: [busy.id] })).rejects.toMatchObject({ code: "forbidden" });
  });
});
