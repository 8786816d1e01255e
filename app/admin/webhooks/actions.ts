"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { asList, blankAsMissing, ticked } from "@/lib/actions/form-data";
import { formAction } from "@/lib/actions/server-action";
import { sentField, type RawInput } from "@/lib/auth/action-rules";
import { idField } from "@/lib/schemas/fields";
import { webhookCreateSchema, webhookUpdateSchema } from "@/lib/schemas/webhook";
import { createWebhook } from "@/lib/services/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/services/webhooks/delete-webhook";
import { resendWebhookDelivery } from "@/lib/services/webhooks/resend-webhook-delivery";
import { rotateWebhookSecret } from "@/lib/services/webhooks/rotate-webhook-secret";
import { updateWebhook } from "@/lib/services/webhooks/update-webhook";

/**
 * The webhook pages of the installation (/admin/webhooks) and of an organization
 * (/orgs/:slug/webhooks) post here; a form names its organization in a hidden field,
 * left empty for global endpoints.
 */
const scopeFields = { organizationId: z.preprocess(blankAsMissing, idField.optional()) };
const scopeOf = (organizationId: string | undefined) => ({ organizationId: organizationId ?? null });
const endpointFields = { ...scopeFields, webhookId: idField };

/** An empty organization field means the installation's endpoints, as the services read it. */
const webhookAction = (verb: "create" | "update" | "delete" | "rotate-secret" | "resend") => ({
  actions: [`global-webhooks.${verb}`, `webhooks.${verb}`] as const,
  choose: (sent: RawInput) => (sentField(sent, "organizationId") ? (`webhooks.${verb}` as const) : (`global-webhooks.${verb}` as const)),
});

function refreshWebhookPages() {
  revalidatePath("/admin/webhooks", "layout");
  revalidatePath("/orgs", "layout");
}

/** Checkboxes as a list, and the description's empty input as "none". */
const webhookForm = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((form) => {
    const { eventTypes, enabled, ...rest } = form as Record<string, unknown>;
    const isEnabled = ticked(enabled);
    return { ...rest, eventTypes: asList(eventTypes), ...(isEnabled === undefined ? {} : { enabled: isEnabled }) };
  }, schema);

export const createWebhookAction = formAction(
  { action: webhookAction("create"), schema: webhookForm(webhookCreateSchema.extend(scopeFields)) },
  async ({ actor, input: { organizationId, ...data } }) => {
    const created = await createWebhook({ actor, ...scopeOf(organizationId), data });
    refreshWebhookPages();
    return { created: { url: created.url, secret: created.secret } };
  },
);

/** The edit form always sends `enabled` (a hidden "off" before the checkbox), so unticking it turns the endpoint off. */
export const updateWebhookAction = formAction(
  {
    action: webhookAction("update"),
    schema: webhookForm(webhookUpdateSchema.extend({ ...endpointFields, eventTypes: webhookCreateSchema.shape.eventTypes })),
  },
  async ({ actor, input: { organizationId, webhookId, ...data } }) => {
    await updateWebhook({ actor, ...scopeOf(organizationId), webhookId, data });
    refreshWebhookPages();
    return { success: "The endpoint was saved." };
  },
);

export const rotateWebhookSecretAction = formAction(
  { action: webhookAction("rotate-secret"), schema: z.object(endpointFields) },
  async ({ actor, input }) => {
    const rotated = await rotateWebhookSecret({ actor, ...scopeOf(input.organizationId), webhookId: input.webhookId });
    refreshWebhookPages();
    return { created: { url: rotated.url, secret: rotated.secret } };
  },
);

export const deleteWebhookAction = formAction(
  {
    action: webhookAction("delete"),
    schema: z.object({ ...endpointFields, returnTo: z.string().regex(/^\/(admin|orgs)\/[\w/-]*webhooks$/) }),
  },
  async ({ actor, input }) => {
    await deleteWebhook({ actor, ...scopeOf(input.organizationId), webhookId: input.webhookId });
    refreshWebhookPages();
    redirect(input.returnTo);
  },
);

export const resendWebhookDeliveryAction = formAction(
  { action: webhookAction("resend"), schema: z.object({ ...endpointFields, deliveryId: idField }) },
  async ({ actor, input: { organizationId, ...ids } }) => {
    await resendWebhookDelivery({ actor, ...scopeOf(organizationId), ...ids });
    refreshWebhookPages();
    return { success: "The delivery is queued and goes out within seconds." };
  },
);
