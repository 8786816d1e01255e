import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { api, loadRoutes } from "@/tests/support/api";
import { sessionCookie } from "@/tests/support/callers";
import { createUser, uniqueEmail } from "@/tests/support/factories";
import { withPrivateDatabase } from "@/tests/support/private-database";

// Installation attributes add a column to every export and check every import: this file keeps its own database.
vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
withPrivateDatabase();

const csvHeaders = { "content-type": "text/csv" };

describe("custom attributes in the users import and export", () => {
  beforeAll(loadRoutes);

  it("import attribute.<key> columns checked against their definitions, and export them back under the same names", async () => {
    const as = { cookie: (await sessionCookie((await createUser({ role: "superadmin" })).user)).cookie };
    for (const body of [
      { key: "employee", label: "Employee number", type: "text", required: true, unique: true },
      { key: "floor", label: "Floor", type: "number" },
      { key: "remote", label: "Remote", type: "boolean" },
    ]) {
      expect((await api("POST", "/api/v1/attributes", { as, body })).status).toBe(201);
    }
    const marker = uniqueEmail("attr").split("@")[0]!;
    const [first, second] = [`${marker}-1@example.test`, `${marker}-2@example.test`];

    const bad = [
      "email,attribute.employee,attribute.floor,attribute.remote,attribute.unknown",
      `${first},E-1,three,maybe,x`,
      `${second},,2,true,`,
      `${marker}-3@example.test,E-1,1,false,`,
    ].join("\n");
    const refused = await api("POST", "/api/v1/users/import?dryRun=true", { as, body: bad, headers: csvHeaders });
    expect(refused.status).toBe(200);
    const errors = (refused.body!.errors as { row: number; field: string }[]).map((error) => `${error.row} ${error.field}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        "1 attribute.floor",
        "1 attribute.remote",
        "1 attribute.unknown",
        "2 attribute.employee",
        "3 attribute.employee",
      ]),
    );

    const good = [
      "email,name,attribute.employee,attribute.floor,attribute.remote",
      `${first},Ada,E-1,3,true`,
      `${second},,E-2,,false`,
    ].join("\n");
    const imported = await api("POST", "/api/v1/users/import", { as, body: good, headers: csvHeaders });
    expect(imported.body).toMatchObject({ imported: 2, errors: [] });
    const ada = await db().user.findUniqueOrThrow({ where: { email: first } });
    expect((await api("GET", `/api/v1/users/${ada.id}`, { as })).body).toMatchObject({
      attributes: { employee: "E-1", floor: 3, remote: true },
    });

    const csv = await api("GET", `/api/v1/users/export?format=csv&q=${marker}`, { as });
    const [header, ...lines] = csv.text.trim().split("\r\n");
    expect(header!.split(",").slice(-3)).toEqual(["attribute.employee", "attribute.floor", "attribute.remote"]);
    expect(
      lines
        .find((line) => line.includes(first))!
        .split(",")
        .slice(-3),
    ).toEqual(["E-1", "3", "true"]);
    const json = await api("GET", `/api/v1/users/export?format=json&q=${marker}`, { as });
    expect((json.body as unknown as Record<string, unknown>[]).find((row) => row.email === second)).toMatchObject({
      "attribute.employee": "E-2",
      "attribute.floor": null,
      "attribute.remote": false,
    });

    // The export takes the list's attribute filters, checked before the first row is written.
    const remote = await api("GET", `/api/v1/users/export?format=json&q=${marker}&attribute.remote=true`, { as });
    expect((remote.body as unknown as { email: string }[]).map((row) => row.email)).toEqual([first]);
    const wrongType = await api("GET", `/api/v1/users/export?format=csv&attribute.floor=three`, { as });
    expect(wrongType).toMatchObject({ status: 422, body: { errors: [{ field: "attribute.floor" }] } });

    // A unique value another user already holds is a row error in a dry run too.
    const clash = await api("POST", "/api/v1/users/import?dryRun=true", {
      as,
      body: ["email,attribute.employee", `${marker}-4@example.test,E-1`, `${marker}-5@example.test,E-9`].join("\n"),
      headers: csvHeaders,
    });
    expect(clash.body).toMatchObject({ valid: 1, errors: [{ row: 1, field: "attribute.employee" }] });

    // What the export wrote, the import reads back (into a new installation's users, here new addresses).
    const again = csv.text.replaceAll(marker, `${marker}x`).replaceAll("E-1", "E-3").replaceAll("E-2", "E-4");
    const reimport = await api("POST", "/api/v1/users/import?dryRun=true", { as, body: again, headers: csvHeaders });
    expect(reimport.body!.errors).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ field: expect.stringMatching(/^attribute\./) })]),
    );
  });
});
