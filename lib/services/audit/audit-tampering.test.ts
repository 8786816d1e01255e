import { createHash, createHmac, hkdfSync } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { chainHash, checkpointMessage } from "@/lib/services/audit/audit-chain";
import { newPruneKeyPair, signCheckpoint } from "@/lib/services/audit/checkpoint-signature";
import { sealAuditEvents } from "@/lib/services/audit/seal-audit-events";
import { walkAuditChain } from "@/lib/services/audit/verify-audit-chain";
import { configOverrides, resetConfigOverridesButDatabase } from "@/tests/support/config-overrides";
import { withPrivateDatabase } from "@/tests/support/private-database";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
withPrivateDatabase();
afterEach(resetConfigOverridesButDatabase);
const pruneKeys = newPruneKeyPair();
beforeEach(() => {
  configOverrides.AUDIT_PRUNE_PUBLIC_KEY = [pruneKeys.publicKey];
});

const minutes = (count: number) => count * 60_000;

async function writeSealed(marker: string, count: number) {
  await db().auditEvent.createMany({
    data: Array.from({ length: count }, (_, index) => ({ action: "user.updated", actorEmail: marker, after: { index } })),
  });
  await sealAuditEvents();
  return db().auditEvent.findMany({ where: { actorEmail: marker }, orderBy: { seq: "asc" } });
}

/** Runs what the triggers refuse, as someone with the table owner's rights (ALTER TABLE) could. */
async function asOwner(change: (tx: Prisma.TransactionClient) => Promise<unknown>) {
  await db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only");
    await change(tx);
    await tx.$executeRawUnsafe("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only");
  });
}

const head = async () => (await walkAuditChain()).head;

// Each test leaves the chain intact for the next, except the last, which is about a chain that is not.
describe("tampering with the audit log", () => {
  it("a session that says it prunes still cannot delete sealed events", async () => {
    const [event] = await writeSealed("prune-claim@example.test", 1);
    const attempt = db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('usermanager.audit_prune', 'on', true)`;
      return tx.$executeRaw`DELETE FROM audit_events WHERE id = ${event!.id}::uuid`;
    });
    await expect(attempt).rejects.toThrow(/append-only/);
    expect(await db().auditEvent.count({ where: { id: event!.id } })).toBe(1);
  });

  it("an event cannot be inserted already sealed, which would skip the sealer's checks", async () => {
    const { seq, hash } = await head();
    const forged = { id: crypto.randomUUID(), at: new Date(), action: "user.updated", actorEmail: "presealed@example.test" };
    const next = BigInt(seq) + 1n;
    const sealed = { ...forged, seq: next, hash: chainHash(hash, next, { ...emptyEvent, ...forged }) };
    await expect(db().auditEvent.create({ data: sealed })).rejects.toThrow(/never inserted sealed/);
  });

  it("checkpoints name a sealed event with its own hash, and are never changed or removed", async () => {
    const [event] = await writeSealed("checkpoint-rules@example.test", 1);
    const signature = "x".repeat(86);
    await expect(db().auditCheckpoint.create({ data: { seq: event!.seq!, hash: "0".repeat(64), signature } })).rejects.toThrow(
      /checkpoint/,
    );
    await expect(db().auditCheckpoint.create({ data: { seq: event!.seq! + 1000n, hash: event!.hash!, signature } })).rejects.toThrow(
      /checkpoint/,
    );
    const checkpoint = { seq: event!.seq!, hash: event!.hash!, signature: signCheckpoint(event!.seq!, event!.hash!, pruneKeys.privateKey) };
    await db().auditCheckpoint.create({ data: checkpoint });
    await expect(db().$executeRawUnsafe("UPDATE audit_checkpoints SET seq = seq + 1")).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe("DELETE FROM audit_checkpoints")).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe("TRUNCATE audit_checkpoints")).rejects.toThrow(/append-only/);
    expect(await walkAuditChain()).toMatchObject({ intact: true, checkpointSeq: checkpoint.seq.toString() });
  });

  it("a back-dated insert is not sealed, and verification names it", async () => {
    await writeSealed("current@example.test", 2);
    const [backdated] = await db().auditEvent.createManyAndReturn({
      data: [{ action: "user.disabled", actorEmail: "backdated@example.test", at: new Date(Date.now() - minutes(60)) }],
    });
    await sealAuditEvents();
    try {
      expect((await db().auditEvent.findUniqueOrThrow({ where: { id: backdated!.id } })).seq).toBeNull();
      const report = await walkAuditChain();
      expect(report).toMatchObject({ intact: false, unsealed: 1 });
      expect(report.brokenAt).toEqual({ reason: "event_backdated", eventId: backdated!.id, at: backdated!.at.toISOString(), seq: null });
    } finally {
      await asOwner((tx) => tx.auditEvent.delete({ where: { id: backdated!.id } }));
    }
    expect((await walkAuditChain()).intact).toBe(true);
  });

  it("a back-dated event that reached the chain past the sealer is named too", async () => {
    const { seq, hash } = await head();
    const next = BigInt(seq) + 1n;
    const event = {
      id: crypto.randomUUID(),
      at: new Date(Date.now() - minutes(60)),
      action: "user.disabled",
      actorEmail: "owner@example.test",
    };
    await asOwner((tx) =>
      tx.auditEvent.create({ data: { ...event, seq: next, hash: chainHash(hash, next, { ...emptyEvent, ...event }) } }),
    );
    try {
      expect((await walkAuditChain()).brokenAt).toEqual({
        reason: "event_backdated",
        eventId: event.id,
        at: event.at.toISOString(),
        seq: next.toString(),
      });
    } finally {
      await asOwner((tx) => tx.auditEvent.delete({ where: { id: event.id } }));
    }
    expect((await walkAuditChain()).intact).toBe(true);
  });

  it("removing the newest events is detected against a head exported before", async () => {
    await writeSealed("tail@example.test", 3);
    const exported = await head();
    const expectedHead = { seq: BigInt(exported.seq), hash: exported.hash };
    expect(await walkAuditChain({ expectedHead })).toMatchObject({ intact: true, head: exported });

    const cut = await db().auditEvent.findMany({ where: { actorEmail: "tail@example.test" }, orderBy: { seq: "asc" }, skip: 1 });
    await asOwner((tx) => tx.auditEvent.deleteMany({ where: { id: { in: cut.map((event) => event.id) } } }));
    // Without the exported head the shortened chain looks whole: that is why the head is kept elsewhere.
    expect((await walkAuditChain()).intact).toBe(true);
    expect((await walkAuditChain({ expectedHead })).brokenAt).toEqual({
      reason: "head_missing",
      seq: exported.seq,
      headSeq: (BigInt(exported.seq) - 2n).toString(),
    });

    // New events refill the places; the exported head's place then holds another hash.
    await writeSealed("refill@example.test", 3);
    expect((await walkAuditChain({ expectedHead })).brokenAt).toEqual({ reason: "head_mismatch", seq: exported.seq });
  });

  it("a checkpoint signed with a key the server holds lets events go, and verification names it as forged", async () => {
    const events = await writeSealed("server-signed@example.test", 2);
    const { seq, hash } = events[1]!;
    // How checkpoints were signed before: an HMAC under a key derived from the server's own secret.
    const key = Buffer.from(hkdfSync("sha256", config().AUTH_SECRET, "", "usermanager audit checkpoints v1", 32));
    const keyId = createHash("sha256").update(key).digest("base64url").slice(0, 8);
    const signature = ["v1", keyId, createHmac("sha256", key).update(checkpointMessage(seq!, hash!)).digest("base64url")].join(".");
    await db().auditCheckpoint.create({ data: { seq: seq!, hash: hash!, signature } });
    // Deleted as pruning used to (the setting now changes nothing: the checkpoint is what lets them go).
    await db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('usermanager.audit_prune', 'on', true)`;
      await tx.$executeRaw`DELETE FROM audit_events WHERE seq <= ${seq}`;
    });
    expect(await db().auditEvent.count({ where: { actorEmail: "server-signed@example.test" } })).toBe(0);

    expect((await walkAuditChain()).brokenAt).toEqual({ reason: "checkpoint_forged", seq: seq!.toString() });
  });
});

/** The nullable columns of an event, for hashing one written by hand. */
const emptyEvent = {
  actorId: null,
  actorEmail: null,
  actorType: null,
  targetType: null,
  targetId: null,
  organizationId: null,
  impersonatorId: null,
  impersonatorEmail: null,
  ip: null,
  userAgent: null,
  requestId: null,
  before: null,
  after: null,
};
