import "server-only";
import { config } from "@/lib/config";

/** What a passkey is bound to, named by the authenticator when it is created. */
export const relyingPartyName = "Usermanager";

/**
 * The WebAuthn relying party is the deployment at APP_URL: its host is the RP ID every
 * passkey is scoped to, and its origin is the only one whose answers are accepted, so a
 * passkey made here cannot be replayed by a look-alike site.
 */
export function relyingParty(): { rpID: string; origin: string } {
  const url = new URL(config().APP_URL);
  return { rpID: url.hostname, origin: url.origin };
}

/** How long a browser waits for the person at the authenticator; the stored challenge lives a little longer. */
export const ceremonyTimeoutMs = 120_000;
