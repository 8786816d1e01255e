import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { newPruneKeyPair } from "@/lib/services/audit/checkpoint-signature";
import { pruneAuditEvents } from "@/lib/services/audit/prune-audit-events";
import { appErrorOf } from "@/tests/support/errors";
import { configOverrides, resetConfigOverridesButDatabase } from "@/tests/support/config-overrides";
import { withPrivateDatabase } from "@/tests/support/private-database";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
withPrivateDatabase();
afterEach(resetConfigOverridesButDatabase);
const pruneKeys = newPruneKeyPair();

// Older than any other test's events, so a prune here removes only this file's rows.
const now = new Date("1999-06-30T12:00:00Z");
const ages = ["1999-06-29T12:00:00Z", "1999-06-20T12:00:00Z", "1999-06-20T11:59:59.999Z", "1998-01-01T00:00:00Z"];

async function seed(marker: string) {
  await db().auditEvent.createMany({ data: ages.map((at) => ({ action: "user.updated", at: new Date(at), actorEmail: marker })) });
}
const remaining = (marker: string) =>
  db()
    .auditEvent.findMany({ where: { actorEmail: marker }, orderBy: { at: "desc" } })
    .then((rows) => rows.map((row) => row.at.toISOString()));

describe("pruneAuditEvents", () => {
  it("removes events older than the retention, keeps the rest, and records that it ran", async () => {
    configOverrides.AUDIT_RETENTION_DAYS = 10;
    configOverrides.AUDIT_PRUNE_KEY = pruneKeys.privateKey;
    configOverrides.AUDIT_PRUNE_PUBLIC_KEY = [pruneKeys.publicKey];
    await seed("prune@example.test");
    const result = await pruneAuditEvents({ now });
    expect(result).toEqual({ retentionDays: 10, cutoff: "1999-06-20T12:00:00.000Z", deleted: 2, checkpointSeq: expect.any(String) });
    expect(await remaining("prune@example.test")).toEqual(["1999-06-29T12:00:00.000Z", "1999-06-20T12:00:00.000Z"]);
    const record = await db().auditEvent.findFirstOrThrow({ where: { action: "audit.pruned" }, orderBy: [{ at: "desc" }, { id: "desc" }] });
    expect(record.after).toEqual(result);
  });

  it("removes nothing without the pruning key, or with one verification would not trust", async () => {
    configOverrides.AUDIT_RETENTION_DAYS = 10;
    await seed("keyless@example.test");
    expect((await appErrorOf(pruneAuditEvents({ now }))).message).toMatch(/AUDIT_PRUNE_KEY/);
    configOverrides.AUDIT_PRUNE_KEY = pruneKeys.privateKey;
    configOverrides.AUDIT_PRUNE_PUBLIC_KEY = [newPruneKeyPair().publicKey];
    expect((await appErrorOf(pruneAuditEvents({ now }))).message).toMatch(/AUDIT_PRUNE_PUBLIC_KEY/);
    expect(await remaining("keyless@example.test")).toHaveLength(4);
  });

  it("keeps everything when the retention is 0, and still records the run", async () => {
    configOverrides.AUDIT_RETENTION_DAYS = 0;
    await seed("forever@example.test");
    const result = await pruneAuditEvents({ now });
    expect(result).toEqual({ retentionDays: 0, cutoff: null, deleted: 0, checkpointSeq: null });
    expect(await remaining("forever@example.test")).toHaveLength(4);
    const record = await db().auditEvent.findFirstOrThrow({ where: { action: "audit.pruned" }, orderBy: [{ at: "desc" }, { id: "desc" }] });
    expect(record.after).toEqual(result);
  });
});
