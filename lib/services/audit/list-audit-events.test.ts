import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditListQuerySchema } from "@/lib/schemas/audit";
import { listAuditEvents } from "@/lib/services/audit/list-audit-events";
import { actorFor, createUser, uniqueEmail } from "@/tests/support/factories";
import { addMembership, createCustomRole, createOrganizationFor } from "@/tests/support/organizations";

const query = (input: Record<string, string>) => auditListQuerySchema.parse(input);
const codeOf = (error: unknown) => (error instanceof AppError ? error.code : error);

/** Events by one actor email of its own, so other tests' events never show in the results. */
async function seed(rows: { action: string; at: string; ip?: string; targetId?: string; organizationId?: string }[]) {
  const actorEmail = uniqueEmail("auditor");
  await db().auditEvent.createMany({
    data: rows.map((row) => ({ ...row, at: new Date(row.at), actorEmail, targetType: row.targetId ? "user" : null })),
  });
  return actorEmail;
}

describe("listAuditEvents", () => {
  it("filters by action, client address, target and time, newest first", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const { user: target } = await createUser({ email: uniqueEmail("needle") });
    const actor = await seed([
      { action: "user.disabled", at: "2026-03-01T10:00:00Z", targetId: target.id, ip: "203.0.113.7" },
      { action: "user.enabled", at: "2026-03-02T10:00:00Z", targetId: target.id },
      { action: "user.disabled", at: "2026-03-03T10:00:00Z", ip: "203.0.113.8" },
      { action: "auth.locked_out", at: "2026-03-04T00:00:00Z" },
    ]);
    const list = async (filters: Record<string, string>) =>
      (await listAuditEvents({ actor: actorFor(admin), query: query({ actor, ...filters }) })).data.map(
        (event) => `${event.action}@${event.at.slice(0, 10)}`,
      );

    expect(await list({})).toEqual([
      "auth.locked_out@2026-03-04",
      "user.disabled@2026-03-03",
      "user.enabled@2026-03-02",
      "user.disabled@2026-03-01",
    ]);
    expect(await list({ action: "user.disabled" })).toEqual(["user.disabled@2026-03-03", "user.disabled@2026-03-01"]);
    expect(await list({ action: "user.enabled,auth.locked_out" })).toEqual(["auth.locked_out@2026-03-04", "user.enabled@2026-03-02"]);
    expect(await list({ ip: "203.0.113.8" })).toEqual(["user.disabled@2026-03-03"]);
    expect(await list({ target: target.id })).toEqual(["user.enabled@2026-03-02", "user.disabled@2026-03-01"]);
    expect(await list({ q: target.email.slice(0, 20).toUpperCase() })).toEqual(["user.enabled@2026-03-02", "user.disabled@2026-03-01"]);
    expect(await list({ from: "2026-03-02", to: "2026-03-03" })).toEqual(["user.disabled@2026-03-03", "user.enabled@2026-03-02"]);
    expect(await list({ to: "2026-03-03T23:59:59Z", from: "2026-03-02T10:00:01Z" })).toEqual(["user.disabled@2026-03-03"]);

    // A target given in words is part of an email, in any case.
    expect(await list({ target: target.email.slice(0, 20).toUpperCase() })).toEqual([
      "user.enabled@2026-03-02",
      "user.disabled@2026-03-01",
    ]);
    expect(await list({ target: "nobody-has-this-address" })).toEqual([]);

    const [event] = (await listAuditEvents({ actor: actorFor(admin), query: query({ actor, target: target.id, limit: "1" }) })).data;
    expect(event).toMatchObject({ targetEmail: target.email, actorEmail: actor });
  });

  it("finds an organization's events by its id, its address or its name", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const organization = await createOrganizationFor(actorFor(admin), `Audited ${randomUUID()}`);
    const actor = await seed([
      { action: "member.added", at: "2026-04-01T10:00:00Z", organizationId: organization.id },
      { action: "user.disabled", at: "2026-04-02T10:00:00Z" },
    ]);
    const list = async (organizationFilter: string) =>
      (await listAuditEvents({ actor: actorFor(admin), query: query({ actor, organization: organizationFilter }) })).data.map(
        (event) => event.action,
      );
    expect(await list(organization.id)).toEqual(["member.added"]);
    expect(await list(organization.slug)).toEqual(["member.added"]);
    expect(await list(organization.name.toUpperCase())).toEqual(["member.added"]);
    expect(await list("no-such-organization")).toEqual([]);
  });

  it("walks every event once by cursor, however many share a moment", async () => {
    const { user: admin } = await createUser({ role: "superadmin" });
    const actor = await seed(Array.from({ length: 5 }, () => ({ action: "user.updated", at: "2026-04-01T00:00:00Z" })));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAuditEvents({ actor: actorFor(admin), query: query({ actor, limit: "2", ...(cursor ? { cursor } : {}) }) });
      seen.push(...page.data.map((event) => event.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it("refuses a forged cursor with a field error", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const forged = Buffer.from(JSON.stringify({ value: 5, id: "x" })).toString("base64url");
    await expect(listAuditEvents({ actor: actorFor(admin), query: query({ cursor: forged }) })).rejects.toMatchObject({
      code: "validation_failed",
      fieldErrors: [{ field: "cursor" }],
    });
  });

  it("shows an organization's members with audit:read only that organization's events", async () => {
    const { user: owner } = await createUser();
    const mine = await createOrganizationFor(actorFor(owner));
    const other = await createOrganizationFor(actorFor(owner));
    const { user: auditor } = await createUser();
    const { user: member } = await createUser();
    await createCustomRole(mine.id, "auditor", ["audit:read"]);
    await addMembership(mine.id, auditor.id, "auditor");
    await addMembership(other.id, auditor.id, "member");
    await addMembership(mine.id, member.id, "member");

    const page = await listAuditEvents({ actor: actorFor(auditor), query: query({}), scope: { organizationId: mine.id } });
    expect(page.data.map((event) => event.action)).toEqual(["organization.created"]);
    expect(page.data.every((event) => event.organizationId === mine.id)).toBe(true);
    // Asking for another organization through the filter still yields only this one's events.
    const filtered = await listAuditEvents({
      actor: actorFor(auditor),
      query: query({ organization: other.id }),
      scope: { slug: mine.slug },
    });
    expect(filtered.data).toEqual([]);

    const refusals = await Promise.allSettled([
      listAuditEvents({ actor: actorFor(auditor), query: query({}), scope: { organizationId: other.id } }),
      listAuditEvents({ actor: actorFor(member), query: query({}), scope: { organizationId: mine.id } }),
      listAuditEvents({ actor: actorFor(auditor), query: query({}) }),
      listAuditEvents({ actor: actorFor(owner), query: query({}), scope: { organizationId: randomUUID() } }),
    ]);
    expect(refusals.map((result) => result.status === "rejected" && codeOf(result.reason))).toEqual([
      "forbidden",
      "forbidden",
      "forbidden",
      "not_found",
    ]);
  });

  it("keeps a token limited to one organization to that organization's log", async () => {
    const { user: admin } = await createUser({ role: "superadmin" });
    const organization = await createOrganizationFor(actorFor(admin));
    const limited = { ...actorFor(admin), via: "api_token" as const, scopes: ["read" as const], organizationId: organization.id };
    const own = await listAuditEvents({ actor: limited, query: query({}), scope: { organizationId: organization.id } });
    expect(own.data.map((event) => event.action)).toEqual(["organization.created"]);
    await expect(listAuditEvents({ actor: limited, query: query({}) })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("the audit filters", () => {
  it.each([
    [{ action: "user.disabled;drop" }, "action"],
    [{ ip: "not-an-ip" }, "ip"],
    [{ target: "x".repeat(255) }, "target"],
    [{ organization: "acme\u0000" }, "organization"],
    [{ from: "0000-01-01" }, "from"],
    [{ limit: "101" }, "limit"],
  ])("refuse %o naming the field", (input, field) => {
    const result = auditListQuerySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });
});
