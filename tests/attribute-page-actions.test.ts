import { describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { createAttributeAction, deleteAttributeAction, updateAttributeAction } from "@/app/admin/attributes/actions";
import { updateUserAttributesAction } from "@/app/admin/users/[id]/attribute-actions";
import { createUserAction } from "@/app/admin/users/actions";
import { updateProfileAction } from "@/app/account/actions";
import { updateMemberAttributesAction } from "@/app/orgs/[slug]/members/actions";
import { listOwnAttributes } from "@/lib/services/attributes/list-own-attributes";
import { api } from "@/tests/support/api";
import { db } from "@/lib/db";
import { callServerAction } from "@/tests/support/action-call";
import { organizationVia, signedInUser } from "@/tests/support/api-callers";
import { addMembership } from "@/tests/support/organizations";
import { sessionCookie } from "@/tests/support/callers";
import { createUser, uniqueEmail } from "@/tests/support/factories";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

describe("the attribute pages' actions", () => {
  it("define, change and remove an organization's attribute, with refusals beside their fields", async () => {
    const owner = await signedInUser();
    const organizationId = await organizationVia(owner.as);
    const define = (fields: Record<string, string>) => callServerAction(createAttributeAction, { organizationId, ...fields }, owner.as);

    const refused = await define({ key: "Team Name", label: "", type: "enum", options: "" });
    expect(refused.fieldErrors?.map((error) => error.field).sort()).toEqual(["key", "label", "options"]);
    expect(await define({ key: "level", label: "Level", type: "enum", options: "junior\nsenior", required: "on" })).toMatchObject({
      success: "The attribute Level was defined.",
    });
    const stored = await db().attributeDefinition.findFirstOrThrow({ where: { organizationId, key: "level" } });
    expect(stored).toMatchObject({ type: "enum", options: ["junior", "senior"], required: true, unique: false });

    const change = { organizationId, key: "level", label: "Seniority", type: "enum", options: "junior\nsenior\nlead", required: "off" };
    expect(await callServerAction(updateAttributeAction, change, owner.as)).toMatchObject({ success: "The attribute was saved." });
    expect(await db().attributeDefinition.findFirstOrThrow({ where: { id: stored.id } })).toMatchObject({
      label: "Seniority",
      required: false,
      options: ["junior", "senior", "lead"],
    });

    // An admin of the organization is not its owner.
    const { user } = await createUser();
    await addMembership(organizationId, user.id, "admin");
    const admin = { cookie: (await sessionCookie(user)).cookie };
    expect((await callServerAction(deleteAttributeAction, { organizationId, key: "level" }, admin)).error).toMatch(/attributes:manage/);
    expect(await callServerAction(deleteAttributeAction, { organizationId, key: "level" }, owner.as)).toMatchObject({
      success: "The attribute was removed with 0 values.",
    });
  });

  it("set a user's values from the user page's text inputs, each refusal beside its input", async () => {
    const admin = await signedInUser("admin");
    const [cost, remote] = [`k${randomUUID().slice(0, 8)}`, `k${randomUUID().slice(0, 8)}`];
    await api("POST", "/api/v1/attributes", { as: admin.as, body: { key: cost, label: "Cost", type: "number" } });
    await api("POST", "/api/v1/attributes", { as: admin.as, body: { key: remote, label: "Remote", type: "boolean" } });
    const { user } = await createUser();
    const save = (fields: Record<string, string>, version: number) =>
      callServerAction(updateUserAttributesAction, { userId: user.id, version: String(version), ...fields }, admin.as);

    const refused = await save({ [`attributes.${cost}`]: "ten", [`attributes.${remote}`]: "maybe" }, user.version);
    expect(refused.fieldErrors?.map((error) => error.field)).toEqual([`attributes.${cost}`, `attributes.${remote}`]);
    expect(await save({ [`attributes.${cost}`]: "12.5", [`attributes.${remote}`]: "true" }, user.version)).toMatchObject({
      success: "Attributes saved.",
    });
    expect((await api("GET", `/api/v1/users/${user.id}`, { as: admin.as })).body?.attributes).toEqual({ [cost]: 12.5, [remote]: true });
    for (const key of [cost, remote]) await api("DELETE", `/api/v1/attributes/${key}`, { as: admin.as });
  });

  it("take the installation's values when the create dialog makes a user, a unique one's clash beside its input, not the email's", async () => {
    const admin = await signedInUser("admin");
    const [badge, floor] = [`k${randomUUID().slice(0, 8)}`, `k${randomUUID().slice(0, 8)}`];
    await api("POST", "/api/v1/attributes", { as: admin.as, body: { key: badge, label: "Badge", type: "text", unique: true } });
    await api("POST", "/api/v1/attributes", { as: admin.as, body: { key: floor, label: "Floor", type: "number" } });
    const create = (fields: Record<string, string>) =>
      callServerAction(createUserAction, { email: uniqueEmail(), name: "", role: "user", mode: "invite", ...fields }, admin.as);

    const refused = await create({ [`attributes.${badge}`]: "B-1", [`attributes.${floor}`]: "third" });
    expect(refused.fieldErrors).toEqual([{ field: `attributes.${floor}`, message: "Enter a number." }]);
    // A blank input is no value at all, not a refusal.
    const created = (await create({ [`attributes.${badge}`]: "B-1", [`attributes.${floor}`]: "" })) as { createdId?: string };
    expect((await api("GET", `/api/v1/users/${created.createdId}`, { as: admin.as })).body?.attributes).toEqual({ [badge]: "B-1" });
    const clash = await create({ [`attributes.${badge}`]: "B-1" });
    expect(clash.fieldErrors?.map((error) => error.field)).toEqual([`attributes.${badge}`]);
    for (const key of [badge, floor]) await api("DELETE", `/api/v1/attributes/${key}`, { as: admin.as });
  });

  it("let people change their own attributes marked edit on /account, and show the read ones without taking them", async () => {
    const admin = await signedInUser("admin");
    const [shoe, badge] = [`k${randomUUID().slice(0, 8)}`, `k${randomUUID().slice(0, 8)}`];
    await api("POST", "/api/v1/attributes", { as: admin.as, body: { key: shoe, label: "Shoe size", type: "number", userAccess: "edit" } });
    await api("POST", "/api/v1/attributes", { as: admin.as, body: { key: badge, label: "Badge", type: "text", userAccess: "read" } });
    const person = await signedInUser();
    const save = (fields: Record<string, string>) => callServerAction(updateProfileAction, { name: "Pat", ...fields }, person.as);

    expect((await save({ [`attributes.${shoe}`]: "big" })).fieldErrors).toEqual([
      { field: `attributes.${shoe}`, message: "Enter a number." },
    ]);
    expect(await save({ [`attributes.${shoe}`]: "42.5" })).toMatchObject({ success: "Profile saved." });
    // A read-only attribute's input is disabled in the page; sent anyway, it is refused naming it.
    const forged = await save({ [`attributes.${badge}`]: "B-1" });
    expect(forged.fieldErrors?.map((error) => error.field)).toEqual([`attributes.${badge}`]);
    expect((await api("GET", "/api/v1/users/me", { as: person.as })).body?.attributes).toEqual({ [shoe]: 42.5 });
    expect((await listOwnAttributes()).map((attribute) => attribute.key)).toEqual(expect.arrayContaining([shoe, badge]));
    for (const key of [shoe, badge]) await api("DELETE", `/api/v1/attributes/${key}`, { as: admin.as });
  });

  it("set a member's organization attributes from the member page: administrators all, the member only theirs, a colleague none", async () => {
    const owner = await signedInUser();
    const organizationId = await organizationVia(owner.as);
    const define = (body: Record<string, unknown>) =>
      api("POST", `/api/v1/organizations/${organizationId}/attributes`, { as: owner.as, body });
    await define({ key: "desk", label: "Desk", type: "text", userAccess: "edit" });
    await define({ key: "grade", label: "Grade", type: "enum", options: ["a", "b"] });
    const member = await signedInUser();
    const colleague = await signedInUser();
    await addMembership(organizationId, member.user.id, "member");
    await addMembership(organizationId, colleague.user.id, "member");
    const save = (as: { cookie: string }, fields: Record<string, string>) =>
      callServerAction(updateMemberAttributesAction, { organizationId, userId: member.user.id, ...fields }, as);

    expect((await save(owner.as, { "attributes.grade": "c" })).fieldErrors?.map((error) => error.field)).toEqual(["attributes.grade"]);
    expect(await save(owner.as, { "attributes.grade": "a", "attributes.desk": "D-1" })).toMatchObject({ success: "Attributes saved." });
    expect(await save(member.as, { "attributes.desk": "D-2" })).toMatchObject({ success: "Attributes saved." });
    expect((await save(member.as, { "attributes.grade": "b" })).fieldErrors?.map((error) => error.field)).toEqual(["attributes.grade"]);
    expect((await save(colleague.as, { "attributes.desk": "D-3" })).code).toBe("forbidden");
    const read = await api("GET", `/api/v1/organizations/${organizationId}/members/${member.user.id}/attributes`, { as: owner.as });
    expect(read.body?.attributes).toEqual({ desk: "D-2", grade: "a" });
  });
});
