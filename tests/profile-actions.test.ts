import { describe, expect, it, vi } from "vitest";
import { updateProfileAction } from "@/app/account/actions";
import { updateUserAction } from "@/app/admin/users/[id]/actions";
import { updateMemberEnterpriseAction } from "@/app/orgs/[slug]/members/actions";
import { db } from "@/lib/db";
import { callServerAction } from "@/tests/support/action-call";
import { sessionCookie } from "@/tests/support/callers";
import { actorFor, createUser } from "@/tests/support/factories";
import { addMembership, createOrganizationFor } from "@/tests/support/organizations";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const sessionOf = async (user: { id: string }) => ({ cookie: (await sessionCookie(user)).cookie });

describe("the profile forms", () => {
  it("let a user save their own allowed fields, and answer a refused or invalid one beside its input", async () => {
    const { user } = await createUser();
    const as = await sessionOf(user);
    const saved = await callServerAction(
      updateProfileAction,
      { name: "Ada L.", "profile.givenName": "Ada", "profile.phoneNumbers": "+44 20 7946 0001\n+44 7700 900000, mobile" },
      as,
    );
    expect(saved.success).toBe("Profile saved.");
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      name: "Ada L.",
      givenName: "Ada",
      phoneNumbers: [
        { value: "+44 20 7946 0001", type: "work", primary: true },
        { value: "+44 7700 900000", type: "mobile", primary: false },
      ],
    });
    // A title is not the user's to set by default: a hand-made request naming it is refused beside the field.
    const refused = await callServerAction(updateProfileAction, { name: "Ada", "profile.title": "CEO" }, as);
    expect(refused.fieldErrors).toEqual([{ field: "profile.title", message: "Only an administrator can change this field." }]);
    const invalid = await callServerAction(updateProfileAction, { name: "Ada", "profile.timeZone": "Nowhere/Land" }, as);
    expect(invalid.fieldErrors?.map((error) => error.field)).toEqual(["profile.timeZone"]);
    expect(invalid.values?.["profile.timeZone"]).toBe("Nowhere/Land");
  });

  it("let an administrator set every field on the user's page", async () => {
    const { user: admin } = await createUser({ role: "superadmin" });
    const { user } = await createUser();
    const answer = await callServerAction(
      updateUserAction,
      { userId: user.id, version: String(user.version), name: "", "profile.title": "Analyst", "profile.locale": "fr-ca" },
      await sessionOf(admin),
    );
    expect(answer.success).toBe("Saved.");
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ title: "Analyst", locale: "fr-CA" });
  });

  it("let an owner set a member's attributes, and refuse a manager from elsewhere beside its input", async () => {
    const { user: owner } = await createUser();
    const organization = await createOrganizationFor(actorFor(owner));
    const { user: member } = await createUser();
    const { user: stranger } = await createUser();
    await addMembership(organization.id, member.id, "member");
    const as = await sessionOf(owner);
    const fields = {
      organizationId: organization.id,
      userId: member.id,
      "enterprise.department": "Sales",
      "enterprise.managerId": owner.id,
    };
    expect((await callServerAction(updateMemberEnterpriseAction, fields, as)).success).toBe("Saved.");
    const stored = await db().memberProfile.findUniqueOrThrow({
      where: { organizationId_userId: { organizationId: organization.id, userId: member.id } },
    });
    expect(stored).toMatchObject({ department: "Sales", managerId: owner.id });
    const refused = await callServerAction(updateMemberEnterpriseAction, { ...fields, "enterprise.managerId": stranger.id }, as);
    expect(refused.fieldErrors?.map((error) => error.field)).toEqual(["enterprise.managerId"]);
    // A member without members:update cannot change their own attributes.
    const own = await callServerAction(
      updateMemberEnterpriseAction,
      { ...fields, "enterprise.department": "Mine" },
      await sessionOf(member),
    );
    expect(own.error).toBeTruthy();
  });
});
