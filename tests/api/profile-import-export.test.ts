import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { api, loadRoutes } from "@/tests/support/api";
import { sessionCookie } from "@/tests/support/callers";
import { createUser, uniqueEmail } from "@/tests/support/factories";

const csvHeaders = { "content-type": "text/csv" };

describe("the profile in the users import and export", () => {
  beforeAll(loadRoutes);

  it("imports profile columns from CSV, a lone phone number as the primary work phone, and exports them back", async () => {
    const as = { cookie: (await sessionCookie((await createUser({ role: "superadmin" })).user)).cookie };
    const marker = uniqueEmail("profile").split("@")[0]!;
    const [first, second] = [`${marker}-1@example.test`, `${marker}-2@example.test`];
    const phones = JSON.stringify([{ value: "+44 20 7946 0000", type: "mobile", primary: true }]).replace(/"/g, '""');
    const csv = [
      "email,name,givenName,familyName,title,phoneNumbers,locale,timeZone",
      `${first},Ada Lovelace,Ada,Lovelace,Analyst,+44 20 7946 0001,en-gb,Europe/London`,
      `${second},,Charles,,,"${phones}",,`,
    ].join("\n");
    const imported = await api("POST", "/api/v1/users/import", { as, body: csv, headers: csvHeaders });
    expect(imported.body?.errors ?? imported.body).toEqual([]);
    expect(imported.body).toMatchObject({ imported: 2 });
    expect(await db().user.findUniqueOrThrow({ where: { email: first } })).toMatchObject({
      givenName: "Ada",
      title: "Analyst",
      locale: "en-GB",
      timeZone: "Europe/London",
      phoneNumbers: [{ value: "+44 20 7946 0001", type: "work", primary: true }],
    });

    const exported = await api("GET", `/api/v1/users/export?format=csv&q=${marker}`, { as });
    const [header, ...lines] = exported.text.trim().split("\r\n");
    expect(header!.split(",")).toEqual(expect.arrayContaining(["givenName", "familyName", "phoneNumbers", "timeZone"]));
    expect(lines.find((line) => line.includes(first))).toContain("Europe/London");
    const json = await api("GET", `/api/v1/users/export?format=json&q=${marker}`, { as });
    const rows = json.body as unknown as Record<string, unknown>[];
    expect(rows.find((row) => row.email === second)).toMatchObject({
      givenName: "Charles",
      familyName: null,
      phoneNumbers: [{ value: "+44 20 7946 0000", type: "mobile", primary: true }],
    });
  });

  it("reports a bad time zone, locale or phone by row and column, and imports none of those rows", async () => {
    const as = { cookie: (await sessionCookie((await createUser({ role: "superadmin" })).user)).cookie };
    const rows = [
      { email: uniqueEmail(), timeZone: "Atlantis/Capital" },
      { email: uniqueEmail(), locale: "english please" },
      { email: uniqueEmail(), phoneNumbers: "call me" },
    ];
    const answer = await api("POST", "/api/v1/users/import", { as, body: rows });
    expect(answer.body).toMatchObject({ valid: 0, imported: 0 });
    expect((answer.body?.errors as { row: number; field: string }[]).map((error) => [error.row, error.field])).toEqual([
      [1, "timeZone"],
      [2, "locale"],
      [3, "phoneNumbers.0.value"],
    ]);
    expect(await db().user.count({ where: { email: { in: rows.map((row) => row.email) } } })).toBe(0);
  });
});
