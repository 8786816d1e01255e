import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { api, loadRoutes } from "@/tests/support/api";
import { signedInUser } from "@/tests/support/api-callers";
import { createUser } from "@/tests/support/factories";
import type { Credentials } from "@/tests/support/route-call";

const uniqueKey = () => `k${randomUUID().slice(0, 8)}`;

beforeAll(loadRoutes);

/** Every page of a list walked by cursor, as emails. */
async function walk(as: Credentials, query: string): Promise<string[]> {
  const emails: string[] = [];
  let cursor: string | null = null;
  do {
    const answer = await api("GET", `/api/v1/users?${query}&limit=2${cursor ? `&cursor=${cursor}` : ""}`, { as });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    emails.push(...(answer.body!.data as { email: string }[]).map((user) => user.email));
    cursor = answer.body!.nextCursor as string | null;
  } while (cursor);
  return emails;
}

describe("the users list on custom attributes", () => {
  it("filters on one attribute and sorts on another, by cursor and by page, users without a value last", async () => {
    const admin = await signedInUser("admin");
    const [department, cost] = [uniqueKey(), uniqueKey()];
    await api("POST", "/api/v1/attributes", { as: admin.as, body: { key: department, label: "Department", type: "text" } });
    await api("POST", "/api/v1/attributes", { as: admin.as, body: { key: cost, label: "Cost", type: "number" } });
    const people = [
      ["Sales", 30],
      ["Sales", 10],
      ["Ops", 5],
      ["Sales", null],
      ["Sales", 20],
      ["Sales", null],
    ] as const;
    const emails: string[] = [];
    for (const [team, amount] of people) {
      const { user } = await createUser();
      emails.push(user.email);
      const attributes = amount === null ? { [department]: team } : { [department]: team, [cost]: amount };
      expect((await api("PATCH", `/api/v1/users/${user.id}`, { as: admin.as, body: { attributes } })).status).toBe(200);
    }
    // Users without a value come last, by id (uuid v7: creation order), also past a cursor among them.
    const [thirty, ten, , none, twenty, none2] = emails;
    const query = `attribute.${department}=Sales&sort=attribute.${cost}`;
    expect(await walk(admin.as, `${query}&order=asc`)).toEqual([ten, twenty, thirty, none, none2]);
    expect(await walk(admin.as, `${query}&order=desc`)).toEqual([thirty, twenty, ten, none2, none]);
    const numbered = await api("GET", `/api/v1/users?${query}&order=desc&page=1&limit=10`, { as: admin.as });
    expect((numbered.body!.data as { email: string }[]).map((user) => user.email)).toEqual([thirty, twenty, ten, none2, none]);
    expect(numbered.body!.total).toBe(5);
    expect(await walk(admin.as, `attribute.${cost}=20`)).toEqual([twenty]);
  });

  it("refuses an unknown attribute, a value of the wrong type, and any other unknown parameter, naming each", async () => {
    const admin = await signedInUser("admin");
    const cost = uniqueKey();
    await api("POST", "/api/v1/attributes", { as: admin.as, body: { key: cost, label: "Cost", type: "number" } });
    const fields = async (query: string) => {
      const answer = await api("GET", `/api/v1/users?${query}`, { as: admin.as });
      return { status: answer.status, fields: (answer.body?.errors as { field: string }[]).map((error) => error.field) };
    };
    expect(await fields(`attribute.${cost}=ten&attribute.nosuch=1`)).toEqual({
      status: 422,
      fields: [`attribute.${cost}`, "attribute.nosuch"],
    });
    expect(await fields("sort=attribute.nosuch")).toEqual({ status: 422, fields: ["sort"] });
    expect(await fields("sort=attribute")).toEqual({ status: 422, fields: ["sort"] });
    expect(await fields("colour=blue")).toEqual({ status: 422, fields: ["colour"] });
  });
});
