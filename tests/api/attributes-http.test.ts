import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { api, loadRoutes } from "@/tests/support/api";
import { signedInUser, organizationVia } from "@/tests/support/api-callers";
import { personalAccessToken, sessionCookie } from "@/tests/support/callers";
import { createUser } from "@/tests/support/factories";
import { addMembership } from "@/tests/support/organizations";
import type { RouteAnswer } from "@/tests/support/route-call";

const uniqueKey = () => `k${randomUUID().slice(0, 8)}`;
/** An answer as the tests compare it: status, problem code and the fields its errors name. */
const refusal = (answer: RouteAnswer) => ({
  status: answer.status,
  code: answer.body?.code,
  fields: (answer.body?.errors as { field: string }[] | undefined)?.map((error) => error.field),
});

beforeAll(loadRoutes);

describe("installation attributes over the API", () => {
  it("are defined by administrators, never through a token limited to an organization", async () => {
    const admin = await signedInUser("superadmin");
    const organizationId = await organizationVia(admin.as);
    const limited = { bearer: await personalAccessToken(admin.user, { organizationId }) };
    const body = { key: uniqueKey(), label: "Department", type: "text" };
    expect(refusal(await api("POST", "/api/v1/attributes", { as: limited, body }))).toMatchObject({
      status: 403,
      code: "organization_token_refused",
    });
    const plain = await signedInUser();
    expect((await api("POST", "/api/v1/attributes", { as: plain.as, body })).status).toBe(403);
    const created = await api("POST", "/api/v1/attributes", { as: admin.as, body });
    expect(created.status).toBe(201);
    expect(created.headers.get("etag")).toBe('"1"');
    expect((await api("GET", `/api/v1/attributes/${body.key}`, { as: admin.as })).body).toMatchObject({ key: body.key, type: "text" });
    expect(refusal(await api("POST", "/api/v1/attributes", { as: admin.as, body }))).toEqual({
      status: 409,
      code: "conflict",
      fields: ["key"],
    });
    expect(refusal(await api("POST", "/api/v1/attributes", { as: admin.as, body: { ...body, key: "Bad Key", type: "colour" } }))).toEqual({
      status: 422,
      code: "validation_failed",
      fields: ["key", "type"],
    });
    const removed = await api("DELETE", `/api/v1/attributes/${body.key}`, { as: admin.as });
    expect({ status: removed.status, body: removed.body }).toEqual({ status: 200, body: { valuesRemoved: 0 } });
  });

  it("carry typed values on users, refusing each bad value, and a unique value held by another, naming the field", async () => {
    const admin = await signedInUser("admin");
    const [text, number, flag, day, choice] = [uniqueKey(), uniqueKey(), uniqueKey(), uniqueKey(), uniqueKey()];
    const define = (body: object) => api("POST", "/api/v1/attributes", { as: admin.as, body });
    await define({ key: text, label: "Badge", type: "text", unique: true });
    await define({ key: number, label: "Cost", type: "number" });
    await define({ key: flag, label: "Remote", type: "boolean" });
    await define({ key: day, label: "Start", type: "date" });
    await define({ key: choice, label: "Level", type: "enum", options: ["junior", "senior"] });
    const { user } = await createUser();
    const { user: other } = await createUser();
    const patch = (id: string, attributes: object) => api("PATCH", `/api/v1/users/${id}`, { as: admin.as, body: { attributes } });

    const bad = { [text]: 5, [number]: "ten", [flag]: "yes", [day]: "2026-02-30", [choice]: "chief" };
    expect(refusal(await patch(user.id, bad))).toEqual({
      status: 422,
      code: "validation_failed",
      fields: [text, number, flag, day, choice].map((key) => `attributes.${key}`),
    });
    const good = { [text]: "B-1", [number]: 12.5, [flag]: true, [day]: "2026-01-31", [choice]: "senior" };
    const saved = await patch(user.id, good);
    expect({ status: saved.status, attributes: saved.body?.attributes }).toEqual({ status: 200, attributes: good });
    expect((await api("GET", `/api/v1/users/${user.id}`, { as: admin.as })).body?.attributes).toEqual(good);
    expect(refusal(await patch(other.id, { [text]: "B-1" }))).toEqual({ status: 409, code: "conflict", fields: [`attributes.${text}`] });
    expect(refusal(await patch(user.id, { nosuchkey: 1 }))).toEqual({
      status: 422,
      code: "validation_failed",
      fields: ["attributes.nosuchkey"],
    });
    for (const key of [text, number, flag, day, choice]) await api("DELETE", `/api/v1/attributes/${key}`, { as: admin.as });
  });

  it("show users only what is marked for them on /users/me, and let them change only what they may edit", async () => {
    const admin = await signedInUser("admin");
    const [hidden, shown, editable] = [uniqueKey(), uniqueKey(), uniqueKey()];
    const define = (key: string, userAccess: string) =>
      api("POST", "/api/v1/attributes", { as: admin.as, body: { key, label: key, type: "text", userAccess } });
    await define(hidden, "none");
    await define(shown, "read");
    await define(editable, "edit");
    const me = await signedInUser();
    const all = { [hidden]: "h", [shown]: "s", [editable]: "e" };
    await api("PATCH", `/api/v1/users/${me.user.id}`, { as: admin.as, body: { attributes: all } });

    expect((await api("GET", "/api/v1/users/me", { as: me.as })).body?.attributes).toEqual({ [shown]: "s", [editable]: "e" });
    expect(refusal(await api("PATCH", "/api/v1/users/me", { as: me.as, body: { attributes: { [hidden]: "mine" } } }))).toEqual({
      status: 422,
      code: "validation_failed",
      fields: [`attributes.${hidden}`],
    });
    expect(refusal(await api("PATCH", "/api/v1/users/me", { as: me.as, body: { attributes: { [shown]: "mine" } } }))).toEqual({
      status: 403,
      code: "forbidden",
      fields: [`attributes.${shown}`],
    });
    const changed = await api("PATCH", "/api/v1/users/me", { as: me.as, body: { attributes: { [editable]: "mine" } } });
    expect(changed.body?.attributes).toEqual({ [shown]: "s", [editable]: "mine" });
    expect((await api("GET", `/api/v1/users/${me.user.id}`, { as: admin.as })).body?.attributes).toEqual({ ...all, [editable]: "mine" });
    for (const key of [hidden, shown, editable]) await api("DELETE", `/api/v1/attributes/${key}`, { as: admin.as });
  });
});

describe("organization attributes over the API", () => {
  it("are defined by the owner only: not its admins, and not another organization's owner, who cannot see them", async () => {
    const owner = await signedInUser();
    const organizationId = await organizationVia(owner.as);
    const base = `/api/v1/organizations/${organizationId}/attributes`;
    const created = await api("POST", base, { as: owner.as, body: { key: "team", label: "Team", type: "text" } });
    expect(created.status).toBe(201);

    const { user: adminUser } = await createUser();
    await addMembership(organizationId, adminUser.id, "admin");
    const admin = { cookie: (await sessionCookie(adminUser)).cookie };
    expect((await api("GET", base, { as: admin })).status).toBe(200);
    expect(refusal(await api("POST", base, { as: admin, body: { key: "desk", label: "Desk", type: "text" } }))).toMatchObject({
      status: 403,
      code: "forbidden",
    });
    expect((await api("PATCH", `${base}/team`, { as: admin, body: { label: "Squad" } })).status).toBe(403);

    const stranger = await signedInUser();
    await organizationVia(stranger.as);
    for (const [method, path, body] of [
      ["GET", base, undefined],
      ["GET", `${base}/team`, undefined],
      ["PATCH", `${base}/team`, { label: "Mine" }],
      ["DELETE", `${base}/team`, undefined],
    ] as const) {
      expect((await api(method, path, { as: stranger.as, body })).status, `${method} ${path}`).toBe(404);
    }
    const strangerToken = { bearer: await personalAccessToken(owner.user, { organizationId: await organizationVia(owner.as) }) };
    expect((await api("GET", base, { as: strangerToken })).status).toBe(404);
  });

  it("let the owner set members' values, the member only what is theirs to edit, and nobody else reach them", async () => {
    const owner = await signedInUser();
    const organizationId = await organizationVia(owner.as);
    const base = `/api/v1/organizations/${organizationId}/attributes`;
    const define = (body: object) => api("POST", base, { as: owner.as, body });
    await define({ key: "salary", label: "Salary", type: "number" });
    await define({ key: "desk", label: "Desk", type: "text", userAccess: "edit", required: true });
    const member = await signedInUser();
    await addMembership(organizationId, member.user.id, "member");
    const colleague = await signedInUser();
    await addMembership(organizationId, colleague.user.id, "member");
    const values = `/api/v1/organizations/${organizationId}/members/${member.user.id}/attributes`;

    expect(refusal(await api("PATCH", values, { as: owner.as, body: { attributes: { salary: "lots", desk: null } } }))).toEqual({
      status: 422,
      code: "validation_failed",
      fields: ["attributes.salary", "attributes.desk"],
    });
    const set = await api("PATCH", values, { as: owner.as, body: { attributes: { salary: 5000, desk: "D-4" } } });
    expect(set.body).toEqual({ attributes: { salary: 5000, desk: "D-4" } });
    expect((await api("GET", values, { as: member.as })).body).toEqual({ attributes: { desk: "D-4" } });
    expect(refusal(await api("PATCH", values, { as: member.as, body: { attributes: { salary: 9999 } } }))).toEqual({
      status: 422,
      code: "validation_failed",
      fields: ["attributes.salary"],
    });
    expect((await api("PATCH", values, { as: member.as, body: { attributes: { desk: "D-5" } } })).body).toEqual({
      attributes: { desk: "D-5" },
    });
    expect((await api("GET", values, { as: colleague.as })).status).toBe(403);
    expect((await api("PATCH", values, { as: colleague.as, body: { attributes: { desk: "mine" } } })).status).toBe(403);

    const stranger = await signedInUser();
    await organizationVia(stranger.as);
    expect((await api("PATCH", values, { as: stranger.as, body: { attributes: { salary: 1 } } })).status).toBe(404);
    expect((await api("GET", values, { as: stranger.as })).status).toBe(404);
    expect((await api("GET", values, { as: owner.as })).body).toEqual({ attributes: { salary: 5000, desk: "D-5" } });
  });
});
