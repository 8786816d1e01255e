import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { userListQuerySchema } from "@/lib/schemas/user";
import { listUsers } from "@/lib/services/users/list-users";
import { actorFor, createUser } from "@/tests/support/factories";

/** Users that share a marker in their email, so a search finds exactly them. */
async function createMarkedUsers(count: number) {
  const marker = randomUUID().slice(0, 8);
  const users = [];
  for (let index = 0; index < count; index++) {
    const { user } = await createUser({ email: `m${marker}-${index}@example.test` });
    users.push(await db().user.update({ where: { id: user.id }, data: { name: index % 2 ? `Name ${index}` : null } }));
  }
  return { marker, users };
}

describe("listUsers", () => {
  it("pages by number with a total, and by cursor without one, visiting each user once", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const { marker, users } = await createMarkedUsers(7);
    const actor = actorFor(admin);
    const first = await listUsers({ actor, query: userListQuerySchema.parse({ q: marker, limit: "3", page: "1" }) });
    expect(first.total).toBe(7);
    expect(first.data).toHaveLength(3);

    for (const sort of ["created", "email", "name", "lastLogin"] as const) {
      for (const order of ["asc", "desc"] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await listUsers({ actor, query: userListQuerySchema.parse({ q: marker, limit: "2", sort, order, cursor }) });
          seen.push(...page.data.map((user) => user.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(new Set(seen).size, `${sort} ${order}`).toBe(7);
      }
    }
    const byEmail = await listUsers({ actor, query: userListQuerySchema.parse({ q: marker, sort: "email", order: "asc" }) });
    expect(byEmail.data.map((user) => user.email)).toEqual(users.map((user) => user.email).sort());
  });

  it("searches for % and _ as themselves, not as LIKE wildcards", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const actor = actorFor(admin);
    const marker = randomUUID().slice(0, 8);
    const { user: underscore } = await createUser({ email: `u${marker}_x@example.test` });
    await db().user.update({ where: { id: underscore.id }, data: { name: `50% ${marker}` } });
    await createUser({ email: `u${marker}-y@example.test` });
    const search = async (q: string) =>
      (await listUsers({ actor, query: userListQuerySchema.parse({ q, limit: "100" }) })).data.map((user) => user.id);
    expect(await search(`u${marker}_`)).toEqual([underscore.id]);
    expect(await search(`50% ${marker}`)).toEqual([underscore.id]);
    expect(await search("_")).not.toContain(admin.id);
    expect(await search("%")).not.toContain(admin.id);
    expect(await search("\\")).toEqual([]);
  });

  it("filters by role, status, name search and creation date", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const actor = actorFor(admin);
    const { marker } = await createMarkedUsers(3);
    const { user: disabled } = await createUser({ email: `m${marker}-d@example.test`, status: "disabled", role: "admin" });
    const query = (extra: Record<string, string>) =>
      listUsers({ actor, query: userListQuerySchema.parse({ q: marker, page: "1", ...extra }) });
    expect((await query({ status: "disabled" })).data.map((user) => user.id)).toEqual([disabled.id]);
    expect((await query({ role: "admin" })).total).toBe(1);
    expect((await query({ createdTo: "2000-01-01" })).total).toBe(0);
    expect((await query({ createdFrom: new Date(Date.now() - 60_000).toISOString() })).total).toBe(4);
    const byName = await listUsers({ actor, query: userListQuerySchema.parse({ q: "NAME 1" }) });
    expect(byName.data.some((user) => user.name === "Name 1")).toBe(true);
  });

  it("filters by whether a confirmed second factor is set up", async () => {
    const actor = actorFor((await createUser({ role: "admin" })).user);
    const { marker, users } = await createMarkedUsers(3);
    const [withApp, waiting] = users;
    await db().mfaFactor.create({ data: { userId: withApp!.id, kind: "totp", name: "App", confirmedAt: new Date() } });
    // An app still waiting for its first code asks nothing at sign-in, so it does not count.
    await db().mfaFactor.create({ data: { userId: waiting!.id, kind: "totp", name: "App" } });
    const ids = async (hasMfa: string) =>
      (await listUsers({ actor, query: userListQuerySchema.parse({ q: marker, hasMfa }) })).data.map((user) => user.id).sort();
    expect(await ids("true")).toEqual([withApp!.id]);
    expect(await ids("false")).toEqual(
      users
        .slice(1)
        .map((user) => user.id)
        .sort(),
    );
    expect(userListQuerySchema.safeParse({ hasMfa: "yes" }).error?.issues[0]).toMatchObject({
      path: ["hasMfa"],
      message: "Use true or false.",
    });
  });

  it("is for administrators only; to anyone else the users do not exist", async () => {
    const { user } = await createUser();
    const refused = await listUsers({ actor: actorFor(user), query: userListQuerySchema.parse({}) }).catch((error: AppError) => error.code);
    expect(refused).toBe("not_found");
  });
});
