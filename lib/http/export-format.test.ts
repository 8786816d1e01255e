import { describe, expect, it } from "vitest";
import { emptyProfile } from "@/lib/schemas/profile";
import type { ManagedUser } from "@/lib/schemas/user";
import { exportStream } from "@/lib/http/export-stream";

const user = (overrides: Partial<ManagedUser>): ManagedUser => ({
  id: "01900000-0000-7000-8000-000000000001",
  email: "a@example.test",
  name: null,
  role: "user",
  status: "active",
  emailVerifiedAt: null,
  lastLoginAt: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  deletedAt: null,
  lockedUntil: null,
  failedSignIns: 0,
  hasPassword: true,
  version: 1,
  profile: emptyProfile,
  ...overrides,
});

async function* batches(...groups: ManagedUser[][]) {
  yield* groups;
}

describe("exportStream", () => {
  it("writes CSV with quoting and defuses spreadsheet formulas", async () => {
    const text = await new Response(
      await exportStream(batches([user({ name: 'Lovelace, "Ada"' })], [user({ name: "=HYPERLINK(1)" })]), "csv", { requestId: "r" }),
    ).text();
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "id,email,name,role,status,createdAt,lastLoginAt,deletedAt,givenName,familyName,middleName,nickname,title,phoneNumbers,preferredLanguage,locale,timeZone",
    );
    expect(lines[1]).toContain('"Lovelace, ""Ada"""');
    expect(lines[2]).toContain(",'=HYPERLINK(1),");
  });

  it("writes one valid JSON array across batches, and an empty one for none", async () => {
    const json = await new Response(
      await exportStream(batches([user({})], [user({ email: "b@example.test" })]), "json", { requestId: "r" }),
    ).json();
    expect(json.map((row: ManagedUser) => row.email)).toEqual(["a@example.test", "b@example.test"]);
    expect(json[0]).not.toHaveProperty("version");
    expect(await new Response(await exportStream(batches(), "json", { requestId: "r" })).json()).toEqual([]);
  });

  it("fails at once, before any answer, when the first batch cannot be read", async () => {
    async function* failing(): AsyncGenerator<ManagedUser[]> {
      throw new Error("the database refused the query");
    }
    await expect(exportStream(failing(), "csv", { requestId: "r" })).rejects.toThrow("refused");
  });

  it("errors the body, never ends it cleanly, and logs the request id when a later batch fails", async () => {
    async function* failsLater(): AsyncGenerator<ManagedUser[]> {
      yield [user({})];
      throw new Error("connection lost");
    }
    const logged: unknown[] = [];
    const log = { error: (entry: unknown) => void logged.push(entry) };
    for (const format of ["csv", "json"] as const) {
      const body = await exportStream(failsLater(), format, { requestId: "req-42", log });
      await expect(new Response(body).text()).rejects.toThrow("connection lost");
    }
    expect(logged).toEqual([expect.objectContaining({ requestId: "req-42" }), expect.objectContaining({ requestId: "req-42" })]);
  });
});
