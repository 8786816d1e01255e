import { PrismaPg } from "@prisma/adapter-pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Webhook } from "standardwebhooks";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { userCreateSchema } from "@/lib/schemas/user";
import { webhookEventTypeNames } from "@/lib/audit/webhook-event-types";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { createUser as createUserService } from "@/lib/services/users/create-user";
import { createWebhook } from "@/lib/services/webhooks/create-webhook";
import { deliverDueWebhooks } from "@/lib/services/webhooks/deliver-due-webhooks";
import { resealWebhookSecrets } from "@/lib/services/webhooks/reseal-webhook-secrets";
import { rotateWebhookSecret } from "@/lib/services/webhooks/rotate-webhook-secret";
import { createWebhookDispatcher } from "@/lib/services/webhooks/start-webhook-dispatcher";
import { configOverrides, resetConfigOverridesButDatabase } from "@/tests/support/config-overrides";
import { actorFor, createUser, uniqueEmail } from "@/tests/support/factories";
import { latestMailTo } from "@/tests/support/mail";
import { withPrivateDatabase } from "@/tests/support/private-database";
import { startWebhookReceiver } from "@/tests/support/webhook-receiver";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
// Global endpoints hear every event of the database: other test files must not add theirs.
withPrivateDatabase();

/** Every retry at once, so a test walks the whole schedule without waiting hours. */
const noWaiting = [0, 0, 0, 0, 0, 0, 0, 0, 0];
let receivers: Array<{ close: () => Promise<void> }> = [];

beforeEach(async () => {
  configOverrides.WEBHOOK_ALLOW_PRIVATE_TARGETS = true;
  // Endpoints of earlier tests would otherwise receive this test's events too.
  await db().webhookEndpoint.deleteMany();
});
afterEach(async () => {
  resetConfigOverridesButDatabase();
  await Promise.all(receivers.map((receiver) => receiver.close()));
  receivers = [];
});

/** A receiver and a global endpoint for it, registered by a superadmin. */
async function endpointWithReceiver(answers: number[] = [], eventTypes = [...webhookEventTypeNames]) {
  const receiver = await startWebhookReceiver({ answers });
  receivers.push(receiver);
  const { user } = await createUser({ role: "superadmin" });
  const admin = actorFor(user);
  const endpoint = await createWebhook({ actor: admin, organizationId: null, data: { url: receiver.url, eventTypes } });
  receiver.state.secret = endpoint.secret;
  return { receiver, endpoint, admin, adminEmail: user.email };
}

/** An audited change, committed, that webhooks report as `user.updated`. */
async function auditedUserUpdate(label: string) {
  await db().$transaction((tx) =>
    recordAuditEvent(tx, {
      action: "user.updated",
      target: { type: "user", id: crypto.randomUUID() },
      after: { email: `${label}@example.test` },
    }),
  );
}

describe("webhook deliveries", () => {
  it("sends a user.created event that the receiver verifies with the same package, without secrets", async () => {
    const { receiver, admin } = await endpointWithReceiver();
    const email = uniqueEmail("hooked");
    await createUserService({ actor: admin, data: userCreateSchema.parse({ email, password: "a long enough passphrase 42" }) });

    await deliverDueWebhooks();

    expect(receiver.state.refused).toBe(0);
    expect(receiver.state.received).toHaveLength(1);
    const [delivery] = receiver.state.received;
    expect(delivery!.payload.type).toBe("user.created");
    expect(delivery!.payload.data).toMatchObject({ current: { email }, subject: { type: "user" } });
    expect(delivery!.body).not.toMatch(/passwordHash|\$2[aby]\$/);
    expect(delivery!.id).toMatch(/^msg_/);
  });

  it("retries a receiver that fails twice, which then gets the event exactly once more", async () => {
    const { receiver, endpoint } = await endpointWithReceiver([500, 503]);
    await auditedUserUpdate("retried");

    for (let pass = 0; pass < 5; pass++) await deliverDueWebhooks({ retryDelays: noWaiting });

    expect(receiver.state.received).toHaveLength(1);
    const delivery = await db().webhookDelivery.findFirstOrThrow({
      where: { endpointId: endpoint.id },
      include: { attempts: { orderBy: { attemptedAt: "asc" } } },
    });
    expect(delivery.status).toBe("succeeded");
    expect(delivery.attempts.map((attempt) => attempt.statusCode)).toEqual([500, 503, 200]);
    expect(delivery.attempts[0]!.responseExcerpt).toBe("try again later");
    expect(receiver.state.received[0]!.id).toBe(`msg_${delivery.id}`);
  });

  it("waits between attempts as the schedule says", async () => {
    const { receiver, endpoint } = await endpointWithReceiver([500]);
    await auditedUserUpdate("backoff");

    await deliverDueWebhooks();
    await deliverDueWebhooks();

    const delivery = await db().webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(delivery.status).toBe("pending");
    expect(delivery.attemptCount).toBe(1);
    expect(delivery.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(receiver.state.received).toHaveLength(0);
  });

  it("still delivers when the dispatcher restarts between attempts", async () => {
    const { receiver } = await endpointWithReceiver([500]);
    await auditedUserUpdate("restarted");

    const first = createWebhookDispatcher({ intervalMs: 50, retryDelays: [1_000] });
    await vi.waitFor(async () => expect(await db().webhookAttempt.count()).toBe(1), { timeout: 10_000 });
    await first.stop();
    expect(receiver.state.received).toHaveLength(0);

    const second = createWebhookDispatcher({ intervalMs: 50, retryDelays: [1_000] });
    await receiver.waitFor(1);
    await second.stop();
    expect(receiver.state.received).toHaveLength(1);
  });

  it("sends each delivery once when two instances with their own connections dispatch side by side", async () => {
    const { receiver } = await endpointWithReceiver();
    for (let event = 0; event < 30; event++) await auditedUserUpdate(`pair-${event}`);
    const otherInstance = new PrismaClient({ adapter: new PrismaPg({ connectionString: config().DATABASE_URL, max: 4 }) });
    try {
      for (let pass = 0; pass < 10; pass++) {
        await Promise.all([deliverDueWebhooks({ batchSize: 7 }), deliverDueWebhooks({ client: otherInstance, batchSize: 7 })]);
      }
    } finally {
      await otherInstance.$disconnect();
    }
    const ids = receiver.state.received.map((delivery) => delivery.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });

  it("leaves no delivery behind when the change's transaction rolls back", async () => {
    const { endpoint } = await endpointWithReceiver();
    const targetId = crypto.randomUUID();
    await expect(
      db().$transaction(async (tx) => {
        await recordAuditEvent(tx, { action: "user.disabled", target: { type: "user", id: targetId } });
        throw new Error("the change failed after its audit event");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db().webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);

    await db().$transaction((tx) => recordAuditEvent(tx, { action: "user.disabled", target: { type: "user", id: targetId } }));
    expect(await db().webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
  });

  it("queues only the events an endpoint subscribed to", async () => {
    const { endpoint } = await endpointWithReceiver([], ["user.deleted"]);
    await auditedUserUpdate("unsubscribed");
    expect(await db().webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
  });

  it("turns an endpoint off when a delivery fails every retry, and emails whoever registered it", async () => {
    const { receiver, endpoint, adminEmail } = await endpointWithReceiver([500, 500, 500]);
    await auditedUserUpdate("exhausted");

    for (let pass = 0; pass < 4; pass++) await deliverDueWebhooks({ retryDelays: [0, 0] });

    const delivery = await db().webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(delivery.status).toBe("failed");
    const stored = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(stored.enabled).toBe(false);
    expect(stored.disabledReason).toMatch(/3 attempts/);
    expect((await latestMailTo(adminEmail))?.subject).toBe("A webhook endpoint was turned off");
    // A disabled endpoint gets no new deliveries.
    await auditedUserUpdate("after-disabling");
    expect(await db().webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
    expect(receiver.state.received).toHaveLength(0);
  });

  it("signs with the old and the new secret during a rotation's overlap", async () => {
    const { receiver, endpoint, admin } = await endpointWithReceiver();
    const rotated = await rotateWebhookSecret({ actor: admin, organizationId: null, webhookId: endpoint.id });
    expect(rotated.secret).toMatch(/^whsec_[A-Za-z0-9+/]{40,}={0,2}$/);
    expect(rotated.secret).not.toBe(endpoint.secret);
    receiver.state.secret = rotated.secret;
    await auditedUserUpdate("rotated");

    await deliverDueWebhooks();

    const [delivery] = receiver.state.received;
    expect(String(delivery!.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    // A receiver still holding the old secret verifies the same delivery.
    expect(() => new Webhook(endpoint.secret).verify(delivery!.body, delivery!.headers as Record<string, string>)).not.toThrow();
    expect(() =>
      new Webhook("whsec_" + Buffer.alloc(32, 7).toString("base64")).verify(delivery!.body, delivery!.headers as Record<string, string>),
    ).toThrow();
  });

  it("keeps signing with the same secret after ENCRYPTION_KEY is rotated and the secrets resealed", async () => {
    const oldKey = "o".repeat(40);
    configOverrides.ENCRYPTION_KEY = oldKey;
    const { receiver } = await endpointWithReceiver();
    configOverrides.ENCRYPTION_KEY = "n".repeat(40);
    configOverrides.ENCRYPTION_KEYS_PREVIOUS = oldKey;

    expect((await resealWebhookSecrets()).resealed).toBe(1);
    delete configOverrides.ENCRYPTION_KEYS_PREVIOUS;
    await auditedUserUpdate("resealed");
    await deliverDueWebhooks();

    expect(receiver.state.refused).toBe(0);
    expect(receiver.state.received).toHaveLength(1);
  });
});
