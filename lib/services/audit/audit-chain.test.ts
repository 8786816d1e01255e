import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newPruneKeyPair } from "@/lib/services/audit/checkpoint-signature";
import { pruneAuditEvents } from "@/lib/services/audit/prune-audit-events";
import { sealAuditEvents } from "@/lib/services/audit/seal-audit-events";
import { verifyAuditChain, walkAuditChain } from "@/lib/services/audit/verify-audit-chain";
import { configOverrides, resetConfigOverridesButDatabase } from "@/tests/support/config-overrides";
import { appErrorOf } from "@/tests/support/errors";
import { actorFor, createUser } from "@/tests/support/factories";
import { withPrivateDatabase } from "@/tests/support/private-database";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
withPrivateDatabase();
afterEach(resetConfigOverridesButDatabase);
// The pruning job's key pair; verification trusts its public half in every test, as the server would.
const pruneKeys = newPruneKeyPair();
beforeEach(() => {
  configOverrides.AUDIT_PRUNE_PUBLIC_KEY = [pruneKeys.publicKey];
});

async function writeEvents(marker: string, count: number, at?: Date) {
  await db().auditEvent.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      action: "user.updated",
      actorEmail: marker,
      at: at ?? new Date(),
      after: { index, nested: { b: 2, a: [1, "x"] } },
    })),
  });
  return db().auditEvent.findMany({ where: { actorEmail: marker }, orderBy: [{ at: "asc" }, { id: "asc" }] });
}

/** Runs what the append-only trigger would refuse, as someone with the table owner's rights could. */
async function withoutGuard(change: string | ((tx: Prisma.TransactionClient) => Promise<unknown>)) {
  await db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only");
    await (typeof change === "string" ? tx.$executeRawUnsafe(change) : change(tx));
    await tx.$executeRawUnsafe("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only");
  });
}

describe("the audit hash chain", () => {
  // First, while the chain holds only this file's events: pruning removes a prefix of it.
  it("leaves a signed checkpoint when pruning, so the kept events still verify; one under another key is named", async () => {
    configOverrides.AUDIT_RETENTION_DAYS = 30;
    configOverrides.AUDIT_PRUNE_KEY = pruneKeys.privateKey;
    const now = new Date();
    await writeEvents("old@example.test", 3, new Date(now.getTime() - 40 * 86_400_000));
    await sealAuditEvents();
    await writeEvents("kept@example.test", 2);
    const result = await pruneAuditEvents({ now });
    expect(result.deleted).toBeGreaterThanOrEqual(3);
    expect(await db().auditEvent.count({ where: { actorEmail: "old@example.test" } })).toBe(0);
    expect(await db().auditEvent.count({ where: { actorEmail: "kept@example.test" } })).toBe(2);
    const report = await walkAuditChain();
    expect(report).toMatchObject({ intact: true, checkpointSeq: result.checkpointSeq });

    // Verification that trusts another key only (a checkpoint someone else signed reads the same).
    configOverrides.AUDIT_PRUNE_PUBLIC_KEY = [newPruneKeyPair().publicKey];
    expect((await walkAuditChain()).brokenAt).toEqual({ reason: "checkpoint_forged", seq: result.checkpointSeq });
    // Every key listed is trusted, so a replaced key's checkpoints still verify while it is listed.
    configOverrides.AUDIT_PRUNE_PUBLIC_KEY = [newPruneKeyPair().publicKey, pruneKeys.publicKey];
    expect((await walkAuditChain()).intact).toBe(true);
  });

  it("gives committed events consecutive places and hashes, and an untouched chain verifies", async () => {
    await writeEvents("seal@example.test", 5);
    await sealAuditEvents();
    const events = await db().auditEvent.findMany({ where: { actorEmail: "seal@example.test" }, orderBy: { seq: "asc" } });
    const places = events.map((event) => Number(event.seq));
    expect(places).toEqual(places.map((_, index) => places[0]! + index));
    expect(events.every((event) => /^[0-9a-f]{64}$/.test(event.hash ?? ""))).toBe(true);
    const report = await walkAuditChain();
    expect(report).toMatchObject({ intact: true, brokenAt: null, unsealed: 0 });
    expect(report.checked).toBeGreaterThanOrEqual(5);
  });

  it("refuses to update, delete or truncate events, even from the application's own connection", async () => {
    const [event] = await writeEvents("guard@example.test", 1);
    await expect(db().$executeRaw`UPDATE audit_events SET action = 'user.created' WHERE id = ${event!.id}::uuid`).rejects.toThrow(
      /append-only/,
    );
    await expect(db().$executeRaw`DELETE FROM audit_events WHERE id = ${event!.id}::uuid`).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe("TRUNCATE audit_events")).rejects.toThrow(/append-only/);
    await sealAuditEvents();
    // Once sealed, not even the chain columns may change.
    await expect(db().$executeRaw`UPDATE audit_events SET hash = 'x' WHERE id = ${event!.id}::uuid`).rejects.toThrow(/append-only/);
    expect((await db().auditEvent.findUniqueOrThrow({ where: { id: event!.id } })).action).toBe("user.updated");
  });

  it("names the event whose data was edited in SQL", async () => {
    await writeEvents("edited@example.test", 3);
    await sealAuditEvents();
    const events = await db().auditEvent.findMany({ where: { actorEmail: "edited@example.test" }, orderBy: { seq: "asc" } });
    const victim = events[1]!;
    await withoutGuard(`UPDATE audit_events SET after = '{"index": 99}' WHERE id = '${victim.id}'`);
    try {
      const report = await walkAuditChain();
      expect(report.intact).toBe(false);
      expect(report.brokenAt).toEqual({ reason: "event_altered", eventId: victim.id, seq: victim.seq!.toString() });
    } finally {
      await withoutGuard(`UPDATE audit_events SET after = '${JSON.stringify(victim.after)}' WHERE id = '${victim.id}'`);
    }
    expect((await walkAuditChain()).intact).toBe(true);
  });

  it("names the event after one deleted in SQL", async () => {
    const events = await writeEvents("deleted@example.test", 3);
    await sealAuditEvents();
    const [, victim, next] = await db().auditEvent.findMany({
      where: { id: { in: events.map((event) => event.id) } },
      orderBy: { seq: "asc" },
    });
    await withoutGuard(`DELETE FROM audit_events WHERE id = '${victim!.id}'`);
    try {
      const report = await walkAuditChain();
      expect(report.brokenAt).toEqual({
        reason: "events_missing",
        eventId: next!.id,
        seq: next!.seq!.toString(),
        expectedSeq: victim!.seq!.toString(),
      });
    } finally {
      const { seq, ...rest } = victim!;
      await withoutGuard((tx) =>
        tx.auditEvent.create({ data: { ...rest, seq, before: undefined, after: rest.after as Prisma.InputJsonValue } }),
      );
    }
    expect((await walkAuditChain()).intact).toBe(true);
  });

  it("seals an event committed late by a long transaction after the ones already sealed", async () => {
    await writeEvents("early@example.test", 2);
    await sealAuditEvents();
    // Dated when its transaction began, a minute ago (an import may take that long).
    const [late] = await writeEvents("late@example.test", 1, new Date(Date.now() - 60_000));
    await sealAuditEvents();
    const head = await db().auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(head.id).toBe(late!.id);
    expect((await walkAuditChain()).intact).toBe(true);
  });

  it("lets one sealer at a time append, so concurrent passes never give two events one place", async () => {
    await writeEvents("race@example.test", 2500);
    const counts = await Promise.all([sealAuditEvents(), sealAuditEvents(), sealAuditEvents()]);
    expect(counts.reduce<number>((sum, count) => sum + (count ?? 0), 0)).toBe(2500);
    expect((await walkAuditChain()).intact).toBe(true);
  });

  it("is verified by superadmins only, and the check is recorded", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const { user: superadmin } = await createUser({ role: "superadmin" });
    expect((await appErrorOf(verifyAuditChain({ actor: actorFor(admin) }))).code).toBe("forbidden");
    const report = await verifyAuditChain({ actor: actorFor(superadmin) });
    const record = await db().auditEvent.findFirstOrThrow({ where: { action: "audit.verified", actorId: superadmin.id } });
    expect(record.after).toMatchObject({ intact: report.intact, checked: report.checked });
  });
});
