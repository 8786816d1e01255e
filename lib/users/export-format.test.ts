import { describe, expect, it } from "vitest";
import type { ManagedUser } from "@/lib/schemas/user";
import { exportStream } from "@/lib/users/export-stream";

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
  ...overrides,
});

async function* batches(...groups: ManagedUser[][]) {
  yield* groups;
}

describe("exportStream", () => {
  it("writes CSV with quoting and defuses spreadsheet formulas", async () => {
    const text = await new Response(exportStream(batches([user({ name: 'Lovelace, "Ada"' })], [user({ name: "=HYPERLINK(1)" })]), "csv")).text();
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,email,name,role,status,createdAt,lastLoginAt,deletedAt");
    expect(lines[1]).toContain('"Lovelace, ""Ada"""');
    expect(lines[2]).toContain(",'=HYPERLINK(1),");
  });

  it("writes one valid JSON array across batches, and an empty one for none", async () => {
    const json = await new Response(exportStream(batches([user({})], [user({ email: "b@example.test" })]), "json")).json();
    expect(json.map((row: ManagedUser) => row.email)).toEqual(["a@example.test", "b@example.test"]);
    expect(json[0]).not.toHaveProperty("version");
    expect(await new Response(exportStream(batches(), "json")).json()).toEqual([]);
  });
});
