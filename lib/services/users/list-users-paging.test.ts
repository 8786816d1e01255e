import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { userListQuerySchema, userSortSchema } from "@/lib/schemas/user";
import { listUsers } from "@/lib/services/users/list-users";
import { userSortOrder } from "@/lib/services/users/user-sort-order";
import { actorFor, createUser } from "@/tests/support/factories";
import { withPrivateDatabase } from "@/tests/support/private-database";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
withPrivateDatabase();

// Sorting by an attribute needs one defined: tests/api/users-attribute-list.test.ts walks it.
const sorts = userSortSchema.options.filter((sort) => sort !== "attribute");
const orders = ["asc", "desc"] as const;
const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n));

/**
 * Users built for ties: creation times, names and last sign-ins repeat in small groups,
 * and every tenth user has no name and every third never signed in, so each sort has
 * runs of equal values and a run of empty ones for the id to order.
 */
async function seedTiedUsers(count: number, label: string) {
  await db().user.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      email: `${label}${String(index).padStart(3, "0")}@example.test`,
      name: index % 10 === 0 ? null : `name ${index % 4}`,
      createdAt: day(index % 5),
      lastLoginAt: index % 3 === 0 ? null : day(index % 2),
    })),
  });
}

/** The list in one query, ordered by PostgreSQL: what walking page by page must reproduce. */
async function wholeList(sort: (typeof sorts)[number], order: (typeof orders)[number]) {
  const { listOrder } = userSortOrder({ sort, order });
  const rows = await db().$queryRaw<{ id: string }[]>`SELECT u.id::text AS id FROM users u WHERE u.deleted_at IS NULL ${listOrder}`;
  return rows.map((row) => row.id);
}

async function walk(
  actor: ReturnType<typeof actorFor>,
  sort: string,
  order: string,
  limit: number,
  betweenPages?: (page: number) => Promise<void>,
) {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 1; ; page++) {
    const result = await listUsers({ actor, query: userListQuerySchema.parse({ sort, order, limit: String(limit), cursor }) });
    seen.push(...result.data.map((user) => user.id));
    if (!result.nextCursor) return seen;
    cursor = result.nextCursor;
    await betweenPages?.(page);
  }
}

describe("keyset paging of the user list", () => {
  it("walks every sort in both directions through ties and empty values, each user once and in order", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const actor = actorFor(admin);
    await seedTiedUsers(53, "tie");
    const deleted = await db().user.findFirstOrThrow({ where: { email: "tie007@example.test" } });
    await db().user.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });

    for (const sort of sorts) {
      for (const order of orders) {
        const expected = await wholeList(sort, order);
        expect(expected).toHaveLength(53); // 52 seeded and not deleted, and the admin
        for (const limit of [1, 7, 53, 100]) {
          expect(await walk(actor, sort, order, limit), `${sort} ${order} by ${limit}`).toEqual(expected);
        }
      }
    }
  });

  it("puts users without a name or a sign-in last in both directions", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const actor = actorFor(admin);
    for (const [sort, field] of [
      ["name", "name"],
      ["lastLogin", "lastLoginAt"],
    ] as const) {
      for (const order of orders) {
        const listed = await listUsers({ actor, query: userListQuerySchema.parse({ sort, order, limit: "100" }) });
        const values = listed.data.map((user) => user[field]);
        const firstEmpty = values.indexOf(null);
        expect(firstEmpty, `${sort} ${order}`).toBeGreaterThan(0);
        expect(
          values.slice(firstEmpty).every((value) => value === null),
          `${sort} ${order}`,
        ).toBe(true);
      }
    }
  });

  it("neither skips nor repeats a user when users are added and deleted between pages", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const actor = actorFor(admin);
    let round = 0;
    for (const sort of sorts) {
      for (const order of orders) {
        round++;
        const before = new Set(await wholeList(sort, order));
        const removed = new Set<string>();
        const seen = await walk(actor, sort, order, 6, async (page) => {
          if (page > 3) return;
          // Users that sort anywhere: before the cursor, at it (same values), after it, and empty.
          await seedTiedUsers(4, `r${round}p${page}x`);
          const victim = await db().user.findFirstOrThrow({
            where: { deletedAt: null, id: { notIn: [admin.id, ...removed] }, email: { startsWith: "tie" } },
            orderBy: { email: order === "asc" ? "desc" : "asc" },
          });
          await db().user.update({ where: { id: victim.id }, data: { deletedAt: new Date() } });
          removed.add(victim.id);
        });
        expect(new Set(seen).size, `${sort} ${order}: no repeats`).toBe(seen.length);
        const after = await wholeList(sort, order);
        // Every user there from start to end was listed, and the walk kept the list's order.
        for (const id of before) if (!removed.has(id)) expect(seen, `${sort} ${order}: ${id} skipped`).toContain(id);
        const positions = seen.filter((id) => after.includes(id)).map((id) => after.indexOf(id));
        expect(positions, `${sort} ${order}: order`).toEqual([...positions].sort((a, b) => a - b));
      }
    }
  });

  it("refuses a forged cursor, including one whose value does not fit the sort", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const actor = actorFor(admin);
    const forged = (value: unknown) => Buffer.from(JSON.stringify({ value, id: admin.id })).toString("base64url");
    for (const [sort, value] of [
      ["created", "yesterday"],
      ["created", null],
      ["email", 42],
      ["lastLogin", "2025-13-45T00:00:00Z"],
    ] as const) {
      await expect(listUsers({ actor, query: userListQuerySchema.parse({ sort, cursor: forged(value) }) })).rejects.toMatchObject({
        code: "validation_failed",
      });
    }
  });
});
