import {
  deleteWebhookAction,
  resendWebhookDeliveryAction,
  rotateWebhookSecretAction,
  updateWebhookAction,
} from "@/app/admin/webhooks/actions";
import type { WebhookDetailActions } from "@/components/webhooks/webhook-detail";

/** The actions an endpoint's page hands to its forms, global or organization alike. */
export const webhookActions: WebhookDetailActions = {
  update: updateWebhookAction,
  rotate: rotateWebhookSecretAction,
  remove: deleteWebhookAction,
  resend: resendWebhookDeliveryAction,
};
