import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { attributeCreateSchema } from "@/lib/schemas/attributes";
import { scimUrn } from "@/lib/scim/schema-urns";
import { createAttribute } from "@/lib/services/attributes/create-attribute";
import { deleteAttribute } from "@/lib/services/attributes/delete-attribute";
import { getMemberAttributes } from "@/lib/services/attributes/get-member-attributes";
import { updateMemberAttributes } from "@/lib/services/attributes/update-member-attributes";
import { createUser, freshSessionActor } from "@/tests/support/factories";
import { organizationWithScimToken } from "@/tests/support/scim";

const custom = scimUrn.customUser;
const without = (body: Record<string, unknown>, ...keys: string[]) =>
  Object.fromEntries(Object.entries(body).filter(([key]) => !keys.includes(key)));
const patch = (...Operations: Record<string, unknown>[]) => ({ schemas: [scimUrn.patchOp], Operations });

/** A directory whose organization defines a required unique text, an optional number and a list. */
async function directoryWithAttributes() {
  const directory = await organizationWithScimToken();
  const define = (data: Record<string, unknown>) =>
    createAttribute({ actor: directory.owner, organizationId: directory.organization.id, data: attributeCreateSchema.parse(data) });
  await define({ key: "badge", label: "Badge", type: "text", required: true, unique: true });
  await define({ key: "floor", label: "Floor", type: "number" });
  await define({ key: "shift", label: "Shift", type: "enum", options: ["day", "night"] });
  const newUser = (extension: unknown, email = directory.address()) =>
    directory.scim("POST", "/scim/v2/Users", {
      schemas: [scimUrn.user, custom],
      userName: email,
      emails: [{ value: email, primary: true }],
      ...(extension === undefined ? {} : { [custom]: extension }),
    });
  const valuesOf = (userId: string) =>
    getMemberAttributes({ actor: directory.owner, organizationId: directory.organization.id, userId }).then((read) => read.attributes);
  return { ...directory, newUser, valuesOf };
}

describe("the organization's custom attributes over SCIM", () => {
  it("are described as an extension schema of the caller's organization only", async () => {
    const { scim } = await directoryWithAttributes();
    const schemas = await scim("GET", "/scim/v2/Schemas");
    expect(schemas.body.Resources!.map((schema) => schema.id)).toEqual([scimUrn.user, scimUrn.enterpriseUser, custom, scimUrn.group]);
    const own = await scim("GET", `/scim/v2/Schemas/${custom}`);
    expect(own.status).toBe(200);
    expect(own.body.attributes).toEqual([
      expect.objectContaining({ name: "badge", type: "string", required: true, uniqueness: "server", description: "Badge" }),
      expect.objectContaining({ name: "floor", type: "decimal", required: false, uniqueness: "none" }),
      expect.objectContaining({ name: "shift", type: "string", canonicalValues: ["day", "night"] }),
    ]);
    const user = await scim("GET", "/scim/v2/ResourceTypes/User");
    expect(user.body.schemaExtensions).toContainEqual({ schema: custom, required: true });

    // Another organization's directory sees its own (none), not these.
    const other = await organizationWithScimToken();
    expect((await other.scim("GET", `/scim/v2/Schemas/${custom}`)).body.attributes).toEqual([]);
    expect((await other.scim("GET", "/scim/v2/ResourceTypes/User")).body.schemaExtensions).toContainEqual({
      schema: custom,
      required: false,
    });
  });

  it("are written on creation, read back in the extension, and the same values the API shows", async () => {
    const { newUser, scim, valuesOf } = await directoryWithAttributes();
    const created = await newUser({ badge: "B-1", floor: 3, shift: "night" });
    expect(created.status).toBe(201);
    expect(created.body.schemas).toEqual([scimUrn.user, custom]);
    expect(created.body[custom]).toEqual({ badge: "B-1", floor: 3, shift: "night" });
    const id = String(created.body.id);
    expect((await scim("GET", `/scim/v2/Users/${id}`)).body[custom]).toEqual({ badge: "B-1", floor: 3, shift: "night" });
    expect(await valuesOf(id)).toEqual({ badge: "B-1", floor: 3, shift: "night" });
  });

  it("refuses a user without a required attribute, a value of the wrong type, an unknown key and a taken unique value", async () => {
    const { newUser } = await directoryWithAttributes();
    const refusal = async (extension: unknown) => {
      const answer = await newUser(extension);
      return { status: answer.status, scimType: answer.body.scimType, detail: String(answer.body.detail) };
    };
    expect(await refusal(undefined)).toMatchObject({
      status: 400,
      scimType: "invalidValue",
      detail: expect.stringContaining(`${custom}:badge`),
    });
    expect(await refusal({ badge: "B-2", floor: "third" })).toMatchObject({
      status: 400,
      scimType: "invalidValue",
      detail: expect.stringContaining(`${custom}:floor: Enter a number.`),
    });
    expect(await refusal({ badge: "B-2", shift: "evening" })).toMatchObject({ status: 400, detail: expect.stringContaining("day, night") });
    expect(await refusal({ badge: "B-2", salary: 1 })).toMatchObject({ status: 400, detail: expect.stringContaining(`${custom}:salary`) });
    expect((await newUser({ badge: "B-2" })).status).toBe(201);
    expect(await refusal({ badge: "B-2" })).toMatchObject({ status: 409, scimType: "uniqueness" });
  });

  it("follow PATCH by path, keep their values through a PUT without the extension, and clear what a PUT's extension leaves out", async () => {
    const { newUser, scim, valuesOf, organization } = await directoryWithAttributes();
    const created = await newUser({ badge: "B-3", floor: 1 });
    const id = String(created.body.id);
    const patched = await scim("PATCH", `/scim/v2/Users/${id}`, patch({ op: "replace", path: `${custom}:floor`, value: 7 }));
    expect(patched.status).toBe(200);
    expect(patched.body[custom]).toEqual({ badge: "B-3", floor: 7 });

    const resource = without(patched.body, "id", "meta");
    const withoutExtension = without(resource, custom);
    expect((await scim("PUT", `/scim/v2/Users/${id}`, { ...withoutExtension, schemas: [scimUrn.user] })).body[custom]).toEqual({
      badge: "B-3",
      floor: 7,
    });
    const replaced = await scim("PUT", `/scim/v2/Users/${id}`, { ...resource, [custom]: { badge: "B-4" } });
    expect(replaced.body[custom]).toEqual({ badge: "B-4" });
    expect(await valuesOf(id)).toEqual({ badge: "B-4" });

    // Clearing a required attribute is refused, and changes nothing.
    const removal = await scim("PATCH", `/scim/v2/Users/${id}`, patch({ op: "remove", path: `${custom}:badge` }));
    expect(removal).toMatchObject({ status: 400, body: { scimType: "invalidValue" } });
    expect(await valuesOf(id)).toEqual({ badge: "B-4" });

    // Each change is in the audit log, by the directory's token.
    const audited = await db().auditEvent.findMany({
      where: { organizationId: organization.id, action: "attribute_values.updated", targetId: id },
      orderBy: { at: "asc" },
    });
    expect(audited.map((event) => [event.actorEmail, event.after])).toEqual([
      ["Directory", { badge: "B-3", floor: 1 }],
      ["Directory", { floor: 7 }],
      ["Directory", { badge: "B-4", floor: null }],
    ]);
  });

  it("change the resource's version when an owner changes a value in the console, so a stale If-Match is refused", async () => {
    const { newUser, scim, owner, organization } = await directoryWithAttributes();
    const created = await newUser({ badge: "B-5" });
    const id = String(created.body.id);
    const before = created.headers.get("etag")!;
    await updateMemberAttributes({ actor: owner, organizationId: organization.id, userId: id, attributes: { floor: 2 } });
    const read = await scim("GET", `/scim/v2/Users/${id}`);
    expect(read.headers.get("etag")).not.toBe(before);
    const stale = await scim("PATCH", `/scim/v2/Users/${id}`, patch({ op: "replace", path: "title", value: "x" }), { "if-match": before });
    expect(stale.status).toBe(412);
  });

  it("never reach the installation's attributes", async () => {
    const { newUser } = await directoryWithAttributes();
    const admin = await freshSessionActor((await createUser({ role: "admin" })).user);
    // A key of its own: other files share this database's installation attributes.
    const key = `clearance-${randomUUID().slice(0, 8)}`;
    await createAttribute({
      actor: admin,
      organizationId: null,
      data: attributeCreateSchema.parse({ key, label: "Clearance", type: "text" }),
    });
    const answer = await newUser({ badge: "B-6", [key]: "top" });
    expect(answer.status).toBe(400);
    expect(String(answer.body.detail)).toContain(`${custom}:${key}: No such attribute.`);
    await deleteAttribute({ actor: admin, organizationId: null, key });
  });
});
