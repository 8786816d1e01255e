import { OneTimeSecret } from "@/components/account/one-time-secret";

/** The signing secret right after creation or rotation: the only time anyone sees it. */
export function WebhookSecretNotice({ url, secret }: { url: string; secret: string }) {
  const message = `Signing secret for ${url}. Copy it now: it will not be shown again.`;
  return <OneTimeSecret message={message} value={secret} testId="webhook-secret" copyLabel="Copy secret" />;
}
