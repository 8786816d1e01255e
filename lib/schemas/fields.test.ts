import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiTokenCreateSchema } from "@/lib/schemas/api-token";
import { auditListQuerySchema } from "@/lib/schemas/audit";
import { dateOrDateTimeField, nameField } from "@/lib/schemas/fields";
import { revocationRequestSchema, tokenRequestSchema } from "@/lib/schemas/oauth";
import { memberUpdateSchema, organizationCreateSchema, roleCreateSchema } from "@/lib/schemas/organization";
import { paginationQuerySchema } from "@/lib/schemas/pagination";
import { userCreateSchema, userExportQuerySchema, userListQuerySchema, userSelfUpdateSchema } from "@/lib/schemas/user";

const fieldsOf = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));

describe("the shared fields", () => {
  it("refuse NUL and other control characters in every free-text field, naming it", () => {
    const cases: [z.ZodType, Record<string, unknown>, string][] = [
      [userCreateSchema, { email: "a@example.test", invite: true, name: "a\u0000b" }, "name"],
      [userSelfUpdateSchema, { name: "line\nbreak" }, "name"],
      [organizationCreateSchema, { name: "Acme\u0000", slug: "acme" }, "name"],
      [roleCreateSchema, { name: "r\u0000", permissions: [] }, "name"],
      [roleCreateSchema, { name: "r", description: "a\u0000b", permissions: [] }, "description"],
      [memberUpdateSchema, { role: "owner\u0000" }, "role"],
      [apiTokenCreateSchema, { name: "ci\u001b[31m", scopes: ["read"] }, "name"],
      [userListQuerySchema, { q: "a\u0000" }, "q"],
      [userExportQuerySchema, { q: "\u0085" }, "q"],
      [auditListQuerySchema, { actor: "/e\u0000" }, "actor"],
      [auditListQuerySchema, { q: "a\u0000b" }, "q"],
      [tokenRequestSchema, { grant_type: "password", username: "a@example.test", password: "x", client_id: "a\u0000b" }, "client_id"],
      [tokenRequestSchema, { grant_type: "refresh_token", refresh_token: "umr_\u0000" }, "refresh_token"],
      [revocationRequestSchema, { token: "t\u0000" }, "token"],
    ];
    for (const [schema, input, field] of cases) expect(fieldsOf(schema.safeParse(input)), JSON.stringify(input)).toContain(field);
  });

  it("keep line breaks in descriptions, and accept ordinary unicode text", () => {
    expect(roleCreateSchema.parse({ name: "Ünïcødé 名前 🙂", description: "two\nlines\tand a tab", permissions: [] })).toMatchObject({
      description: "two\nlines\tand a tab",
    });
    expect(nameField.parse("  Zoë O'Brien-Ωmega  ")).toBe("Zoë O'Brien-Ωmega");
  });

  it("bound dates to what PostgreSQL stores and ISO 8601 writes back", () => {
    for (const bad of ["0000-01-01", "1899-12-31", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59-01:00"]) {
      expect(dateOrDateTimeField.safeParse(bad).success, bad).toBe(false);
    }
    for (const good of ["1900-01-01", "2026-01-31", "9999-12-31", "2026-01-31T12:00:00+02:00"]) {
      expect(dateOrDateTimeField.safeParse(good).success, good).toBe(true);
    }
    expect(fieldsOf(userListQuerySchema.safeParse({ createdFrom: "0000-01-01" }))).toEqual(["createdFrom"]);
    expect(fieldsOf(apiTokenCreateSchema.safeParse({ name: "t", scopes: ["read"], expiresAt: "9999-12-31T23:59:59-14:00" }))).toEqual([
      "expiresAt",
    ]);
  });

  it("read numbers in the query from decimal digits only", () => {
    for (const bad of ["0x10", "1e1", " 5", "5 ", "+5", "-1", "0", "1.5", "", "Infinity"]) {
      expect(fieldsOf(paginationQuerySchema.safeParse({ page: bad })), bad).toEqual(["page"]);
    }
    expect(fieldsOf(paginationQuerySchema.safeParse({ limit: "0x10" }))).toEqual(["limit"]);
    expect(fieldsOf(paginationQuerySchema.safeParse({ page: "99999999999999999999999" }))).toEqual(["page"]);
    expect(paginationQuerySchema.parse({ page: "016", limit: "100" })).toMatchObject({ page: 16, limit: 100 });
    expect(paginationQuerySchema.parse({})).toMatchObject({ limit: 20 });
  });
});
