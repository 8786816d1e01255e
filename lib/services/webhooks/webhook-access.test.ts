import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { createWebhook } from "@/lib/services/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/services/webhooks/delete-webhook";
import { findWebhookDeliveries } from "@/lib/services/webhooks/find-webhook-deliveries";
import { findWebhooks } from "@/lib/services/webhooks/find-webhooks";
import { getWebhook } from "@/lib/services/webhooks/get-webhook";
import { resendWebhookDelivery } from "@/lib/services/webhooks/resend-webhook-delivery";
import { updateWebhook } from "@/lib/services/webhooks/update-webhook";
import { configOverrides, resetConfigOverrides } from "@/tests/support/config-overrides";
import { appErrorOf } from "@/tests/support/errors";
import { actorFor, createUser } from "@/tests/support/factories";
import { addMembership, createOrganizationFor } from "@/tests/support/organizations";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
beforeEach(() => {
  configOverrides.WEBHOOK_ALLOW_PRIVATE_TARGETS = true;
});
afterEach(resetConfigOverrides);

const data = { url: "http://127.0.0.1:9/hooks", eventTypes: ["member.added" as const] };

async function person(role: "user" | "admin" | "superadmin" = "user") {
  return actorFor((await createUser({ role })).user);
}

/** An organization with an owner, an admin and a plain member. */
async function organization() {
  const owner = await person();
  const { id } = await createOrganizationFor(owner);
  const admin = await person();
  const member = await person();
  await addMembership(id, admin.userId, "admin");
  await addMembership(id, member.userId, "member");
  return { id, owner, admin, member };
}

describe("who manages an organization's webhooks", () => {
  it("lets owners and admins register them, refuses members (403) and hides them from outsiders (404)", async () => {
    const org = await organization();
    await expect(createWebhook({ actor: org.owner, organizationId: org.id, data })).resolves.toMatchObject({ organizationId: org.id });
    await expect(createWebhook({ actor: org.admin, organizationId: org.id, data })).resolves.toMatchObject({ organizationId: org.id });
    expect((await appErrorOf(createWebhook({ actor: org.member, organizationId: org.id, data }))).code).toBe("forbidden");
    expect((await appErrorOf(findWebhooks({ actor: await person(), organizationId: org.id }))).code).toBe("not_found");
  });

  it("answers 404 for another organization's endpoint, whatever the caller holds in its own", async () => {
    const mine = await organization();
    const theirs = await organization();
    const endpoint = await createWebhook({ actor: theirs.owner, organizationId: theirs.id, data });
    const target = { actor: mine.owner, organizationId: mine.id, webhookId: endpoint.id };
    const probes = [
      () => getWebhook(target),
      () => updateWebhook({ ...target, data: { enabled: false } }),
      () => deleteWebhook(target),
      () => findWebhookDeliveries(target),
    ];
    for (const probe of probes) expect((await appErrorOf(probe())).code).toBe("not_found");
    expect(await db().webhookEndpoint.count({ where: { id: endpoint.id, enabled: true } })).toBe(1);
  });

  it("never shows the secret again after creation", async () => {
    const org = await organization();
    const created = await createWebhook({ actor: org.owner, organizationId: org.id, data });
    expect(created.secret).toMatch(/^whsec_/);
    const listed = await findWebhooks({ actor: org.owner, organizationId: org.id });
    expect(JSON.stringify(listed)).not.toContain(created.secret.slice(6));
    const stored = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.secret).not.toContain(created.secret.slice(6));
  });

  it("queues an organization's events for its own endpoints only", async () => {
    const mine = await organization();
    const theirs = await organization();
    const endpoint = await createWebhook({ actor: mine.owner, organizationId: mine.id, data });
    const memberAdded = (organizationId: string) =>
      db().$transaction((tx) =>
        recordAuditEvent(tx, { action: "member.added", target: { type: "membership", id: crypto.randomUUID() }, organizationId }),
      );
    await memberAdded(theirs.id);
    expect(await db().webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
    await memberAdded(mine.id);
    const deliveries = await findWebhookDeliveries({ actor: mine.owner, organizationId: mine.id, webhookId: endpoint.id });
    expect(deliveries).toMatchObject([{ eventType: "member.added", status: "pending" }]);
    // Still queued, maybe being sent right now: a resend could send it twice at once.
    expect(
      (
        await appErrorOf(
          resendWebhookDelivery({ actor: mine.owner, organizationId: mine.id, webhookId: endpoint.id, deliveryId: deliveries[0]!.id }),
        )
      ).code,
    ).toBe("conflict");
  });
});

describe("who manages global webhooks", () => {
  const globalData = { url: "http://127.0.0.1:9/all", eventTypes: ["user.deleted" as const] };

  it("lets global admins and superadmins register them, and nobody else", async () => {
    await expect(createWebhook({ actor: await person("admin"), organizationId: null, data: globalData })).resolves.toMatchObject({
      organizationId: null,
    });
    await expect(createWebhook({ actor: await person("superadmin"), organizationId: null, data: globalData })).resolves.toBeDefined();
    expect((await appErrorOf(findWebhooks({ actor: await person(), organizationId: null }))).code).toBe("forbidden");
  });

  it("refuses a token limited to one organization, even a superadmin's", async () => {
    const superadmin = await person("superadmin");
    const org = await createOrganizationFor(superadmin);
    const limited: Actor = { ...superadmin, via: "api_token", scopes: ["read", "write"], organizationId: org.id };
    expect((await appErrorOf(createWebhook({ actor: limited, organizationId: null, data: globalData }))).code).toBe("forbidden");
  });

  it("refuses a private target when private targets are not allowed", async () => {
    configOverrides.WEBHOOK_ALLOW_PRIVATE_TARGETS = false;
    const error = await appErrorOf(createWebhook({ actor: await person("admin"), organizationId: null, data: globalData }));
    expect(error.fieldErrors).toEqual([{ field: "url", message: expect.stringContaining("https://") }]);
  });
});
