import "server-only";
import type { Db } from "@/lib/db";
import { appLink } from "@/lib/mail/links";
import { webhookDisabledMail } from "@/lib/mail/messages";
import { logger } from "@/lib/logger";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { sendMail } from "@/lib/services/mail/send-mail";
import { toWebhookPublic } from "@/lib/services/webhooks/mappers";

/** Who hears that an endpoint was turned off: an organization's owners, or for a global endpoint the superadmins; and whoever registered it. */
async function responsibleAddresses(
  client: Db,
  endpoint: { organizationId: string | null; createdById: string | null },
): Promise<string[]> {
  const responsible = await client.user.findMany({
    where: {
      status: "active",
      deletedAt: null,
      OR: [
        endpoint.organizationId
          ? { memberships: { some: { organizationId: endpoint.organizationId, role: { name: "owner", builtIn: true } } } }
          : { role: "superadmin" },
        ...(endpoint.createdById ? [{ id: endpoint.createdById }] : []),
      ],
    },
    select: { email: true },
  });
  return responsible.map((user) => user.email);
}

/** The page that shows an endpoint's deliveries. */
async function deliveriesPath(client: Db, endpoint: { id: string; organizationId: string | null }): Promise<string> {
  if (!endpoint.organizationId) return `/admin/webhooks/${endpoint.id}`;
  const organization = await client.organization.findUnique({ where: { id: endpoint.organizationId }, select: { slug: true } });
  return `/orgs/${organization?.slug ?? ""}/webhooks/${endpoint.id}`;
}

/**
 * Turns an endpoint off after a delivery failed every retry, so a dead receiver stops
 * piling up deliveries, and tells the people responsible for it by email. Only the
 * dispatcher that turns it off sends the mail.
 */
export async function disableFailingEndpoint(client: Db, endpointId: string, reason: string): Promise<void> {
  const endpoint = await client.$transaction(async (tx) => {
    const turnedOff = await tx.webhookEndpoint.updateManyAndReturn({
      where: { id: endpointId, enabled: true },
      data: { enabled: false, disabledReason: reason, version: { increment: 1 } },
    });
    const row = turnedOff[0];
    if (!row) return null;
    await recordAuditEvent(tx, {
      action: "webhook.disabled",
      target: { type: "webhook", id: row.id },
      after: toWebhookPublic(row),
      organizationId: row.organizationId,
    });
    return row;
  });
  if (!endpoint) return;
  const mail = webhookDisabledMail({ url: endpoint.url, reason, link: appLink(await deliveriesPath(client, endpoint)) });
  for (const to of await responsibleAddresses(client, endpoint)) {
    await sendMail({ to, mail }).catch((error: unknown) =>
      logger.warn({ err: error, endpointId }, "could not queue the webhook-disabled mail"),
    );
  }
}
