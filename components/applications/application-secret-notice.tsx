import { OneTimeSecret } from "@/components/account/one-time-secret";

export type CreatedApplication = { name: string; clientId: string; clientSecret: string | null };

/** The client id, and the secret right after registration or rotation: the only time anyone sees it. */
export function ApplicationSecretNotice({ name, clientId, clientSecret }: CreatedApplication) {
  if (!clientSecret) {
    return (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 p-4 text-sm dark:border-green-800 dark:bg-green-950">
        {name} is registered with client id <code data-testid="application-client-id">{clientId}</code>. It is public: it proves itself with
        PKCE and has no secret.
      </p>
    );
  }
  const message = `Client secret for ${name} (client id ${clientId}). Copy it now: it will not be shown again.`;
  return <OneTimeSecret message={message} value={clientSecret} testId="application-secret" copyLabel="Copy secret" />;
}
