import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runWithRequestContext } from "@/lib/request-context";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

describe("recordAuditEvent", () => {
  it("stores who, what, where and redacted snapshots", async () => {
    const targetId = randomUUID();
    const context = { requestId: `req-${targetId}`, ip: "203.0.113.9", userAgent: "vitest" };
    await runWithRequestContext(context, () =>
      db().$transaction((tx) =>
        recordAuditEvent(tx, {
          action: "user.updated",
          actor: { id: null, email: "system@example.test" },
          target: { type: "user", id: targetId },
          before: { name: "Old", passwordHash: "secret" },
          after: { name: "New" },
        }),
      ),
    );
    const event = await db().auditEvent.findFirstOrThrow({ where: { targetId } });
    expect(event).toMatchObject({
      action: "user.updated",
      actorEmail: "system@example.test",
      ip: "203.0.113.9",
      userAgent: "vitest",
      requestId: context.requestId,
      before: { name: "Old", passwordHash: "[redacted]" },
      after: { name: "New" },
    });
  });

  it("disappears with the transaction of the change it describes", async () => {
    const targetId = randomUUID();
    await expect(
      db().$transaction(async (tx) => {
        await recordAuditEvent(tx, { action: "user.deleted", target: { type: "user", id: targetId } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db().auditEvent.count({ where: { targetId } })).toBe(0);
  });
});
