import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { attributeCreateSchema } from "@/lib/schemas/attributes";
import { createAttribute } from "@/lib/services/attributes/create-attribute";
import { deleteAttribute } from "@/lib/services/attributes/delete-attribute";
import { listAttributes } from "@/lib/services/attributes/list-attributes";
import { updateAttribute } from "@/lib/services/attributes/update-attribute";
import { writeAttributeValues } from "@/lib/services/attributes/write-attribute-values";
import { actorFor, createUser, freshSessionActor } from "@/tests/support/factories";
import { addMembership, createOrganizationFor } from "@/tests/support/organizations";

const uniqueKey = () => `k${randomUUID().slice(0, 8)}`;
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ code: "ok" }),
    (error: AppError) => ({ code: error.code, fields: error.fieldErrors?.map((entry) => entry.field) }),
  );

async function ownerWithOrganization() {
  const owner = actorFor((await createUser()).user);
  const organization = await createOrganizationFor(owner);
  return { owner, organizationId: organization.id };
}

async function setValue(organizationId: string, key: string, value: unknown) {
  const { user } = await createUser();
  await addMembership(organizationId, user.id, "member");
  await db().$transaction((tx) =>
    writeAttributeValues(tx, { actor: actorFor(user), userId: user.id, organizationId, input: { [key]: value }, audience: "admin" }),
  );
  return user.id;
}

describe("attribute definitions", () => {
  it("are defined by an organization's owner, one key per scope, and refused to its admins and other owners", async () => {
    const { owner, organizationId } = await ownerWithOrganization();
    const data = attributeCreateSchema.parse({ key: "department", label: "Department", type: "text" });
    const created = await createAttribute({ actor: owner, organizationId, data });
    expect(created).toMatchObject({ key: "department", organizationId, required: false, userAccess: "none" });
    expect(await refusal(createAttribute({ actor: owner, organizationId, data }))).toEqual({ code: "conflict", fields: ["key"] });

    const admin = actorFor((await createUser()).user);
    await addMembership(organizationId, admin.userId, "admin");
    expect(await refusal(createAttribute({ actor: admin, organizationId, data: { ...data, key: uniqueKey() } }))).toMatchObject({
      code: "forbidden",
    });
    // Another organization's owner cannot even tell it exists.
    const { owner: stranger } = await ownerWithOrganization();
    expect(await refusal(listAttributes({ actor: stranger, organizationId }))).toMatchObject({ code: "not_found" });
    expect(await refusal(deleteAttribute({ actor: stranger, organizationId, key: "department" }))).toMatchObject({ code: "not_found" });
    expect((await listAttributes({ actor: admin, organizationId })).data.map((entry) => entry.key)).toEqual(["department"]);
  });

  it("are defined for the installation by global administrators only", async () => {
    const admin = await freshSessionActor((await createUser({ role: "admin" })).user);
    const user = actorFor((await createUser()).user);
    const data = attributeCreateSchema.parse({ key: uniqueKey(), label: "Cost centre", type: "number" });
    expect(await refusal(createAttribute({ actor: user, organizationId: null, data }))).toMatchObject({ code: "not_found" });
    expect(await createAttribute({ actor: admin, organizationId: null, data })).toMatchObject({ organizationId: null, type: "number" });
    await deleteAttribute({ actor: admin, organizationId: null, key: data.key });
  });

  it("converts values losslessly to a new type, and refuses a type or options the values cannot take, naming the field", async () => {
    const { owner, organizationId } = await ownerWithOrganization();
    await createAttribute({
      actor: owner,
      organizationId,
      data: attributeCreateSchema.parse({ key: "level", label: "Level", type: "text" }),
    });
    const userId = await setValue(organizationId, "level", "7");
    await setValue(organizationId, "level", "12.5");

    const asNumber = await updateAttribute({ actor: owner, organizationId, key: "level", data: { type: "number" } });
    expect(asNumber.type).toBe("number");
    const stored = await db().attributeValue.findFirstOrThrow({ where: { userId } });
    expect(stored).toMatchObject({ numberValue: 7, textValue: null });

    expect(await refusal(updateAttribute({ actor: owner, organizationId, key: "level", data: { type: "boolean" } }))).toEqual({
      code: "conflict",
      fields: ["type"],
    });
    await updateAttribute({ actor: owner, organizationId, key: "level", data: { type: "enum", options: ["7", "12.5"] } });
    expect(await refusal(updateAttribute({ actor: owner, organizationId, key: "level", data: { options: ["7"] } }))).toEqual({
      code: "conflict",
      fields: ["options"],
    });
    expect(await refusal(updateAttribute({ actor: owner, organizationId, key: "level", data: { type: "boolean", unique: true } }))).toEqual(
      {
        code: "validation_failed",
        fields: ["unique"],
      },
    );
  });

  it("refuses to make an attribute unique while two members share a value", async () => {
    const { owner, organizationId } = await ownerWithOrganization();
    await createAttribute({
      actor: owner,
      organizationId,
      data: attributeCreateSchema.parse({ key: "badge", label: "Badge", type: "text" }),
    });
    await setValue(organizationId, "badge", "A1");
    await setValue(organizationId, "badge", "A1");
    expect(await refusal(updateAttribute({ actor: owner, organizationId, key: "badge", data: { unique: true } }))).toEqual({
      code: "conflict",
      fields: ["unique"],
    });
  });

  it("audits a removal with the number of values removed, and tells webhooks", async () => {
    const { owner, organizationId } = await ownerWithOrganization();
    const created = await createAttribute({
      actor: owner,
      organizationId,
      data: attributeCreateSchema.parse({ key: "floor", label: "Floor", type: "number" }),
    });
    await setValue(organizationId, "floor", 3);
    await setValue(organizationId, "floor", 4);
    await db().webhookEndpoint.create({
      data: { organizationId, url: "https://hooks.example.test/a", eventTypes: ["attribute.deleted"], secret: "x" },
    });
    expect(await deleteAttribute({ actor: owner, organizationId, key: "floor" })).toEqual({ valuesRemoved: 2 });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "attribute.deleted", targetId: created.id } });
    expect(event.after).toMatchObject({ key: "floor", valuesRemoved: 2 });
    const delivery = await db().webhookDelivery.findFirstOrThrow({
      where: { eventType: "attribute.deleted", endpoint: { organizationId } },
    });
    expect(JSON.parse(delivery.payload)).toMatchObject({ data: { current: { valuesRemoved: 2 } } });
  });
});
