/**
 * What a person is told when the browser's passkey prompt fails, from the codes
 * @simplewebauthn/browser gives the W3C errors. Closing the prompt and letting it time
 * out are one NotAllowedError by design (so sites cannot tell which), hence one message.
 */
const messages: Record<string, string> = {
  ERROR_CEREMONY_ABORTED: "The passkey prompt was closed.",
  ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED: "This device already holds a passkey for your account.",
  ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT: "This authenticator cannot store a passkey. Try another device.",
  ERROR_INVALID_DOMAIN: "Passkeys need a secure connection (HTTPS) to this site.",
  ERROR_INVALID_RP_ID: "This address does not match the site's configured address (APP_URL), so passkeys cannot be used here.",
};

export function describePasskeyError(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  if (messages[code]) return messages[code];
  if (error instanceof Error && error.name === "NotAllowedError") return "The passkey prompt was closed or timed out. Try again.";
  return "Your browser could not use a passkey here. Try again, or use another way to sign in.";
}
