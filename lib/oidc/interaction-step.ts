import type { Actor } from "@/lib/auth/actor";
import { acrOf, mfaAcr } from "@/lib/oidc/acr";
import type { PendingInteraction } from "@/lib/oidc/interactions";

/** How the browser's session proved who it is (sessions.verified_at, amr). */
export type SessionProof = { verifiedAt: Date; amr: readonly string[] };

export type InteractionStep =
  | { step: "sign-in" }
  | { step: "enrol" }
  | { step: "unavailable" }
  | { step: "confirm"; check: "password" | "second_factor"; why: "second_factor" | "fresh" }
  | { step: "consent" }
  | { step: "grant" }
  | { step: "login"; login: { accountId: string; ts: number; amr: string[]; acr: string; remember: boolean } };

type Facts = {
  interaction: PendingInteraction;
  actor: Actor | null;
  proof: SessionProof | null;
  /** Whether the account may use this application (active; a member of the organization that owns it). */
  accountUsable: boolean;
  hasSecondFactor: boolean;
  now?: Date;
};

/** Whether the application, or this request, asks for a second factor. */
export const asksForSecondFactor = (interaction: PendingInteraction) =>
  interaction.client.requireSecondFactor || interaction.params.acrValues.includes(mfaAcr);

/**
 * What an application's sign-in needs next from the person in this browser, decided from
 * our own session: sign in (there is none), confirm (it is too old for `prompt=login` or
 * `max_age`, or lacks the second factor the application needs), set up a second factor,
 * consent, or nothing (the provider gets the login: the session's own sign-in time and
 * methods as `auth_time`, `amr` and `acr`). A "view as" session never gets here: the
 * action's rules refuse it (oidc.interaction.continue is a change).
 */
export function nextInteractionStep({
  interaction,
  actor,
  proof,
  accountUsable,
  hasSecondFactor,
  now = new Date(),
}: Facts): InteractionStep {
  if (!actor || !proof) return { step: "sign-in" };
  if (actor.mustEnrollSecondFactor) return { step: "enrol" };
  if (!accountUsable) return { step: "unavailable" };

  if (interaction.prompt.name === "consent") return interaction.client.firstParty ? { step: "grant" } : { step: "consent" };

  if (asksForSecondFactor(interaction) && !proof.amr.includes("mfa")) {
    return hasSecondFactor ? { step: "confirm", check: "second_factor", why: "second_factor" } : { step: "enrol" };
  }
  const signedInAt = proof.verifiedAt.getTime();
  const tooOldForPrompt = interaction.prompt.reasons.includes("login_prompt") && signedInAt < interaction.requestedAt * 1000;
  const tooOldForMaxAge = interaction.params.maxAge !== undefined && now.getTime() - signedInAt > interaction.params.maxAge * 1000;
  if (tooOldForPrompt || tooOldForMaxAge) return { step: "confirm", check: hasSecondFactor ? "second_factor" : "password", why: "fresh" };

  const amr = [...proof.amr];
  return { step: "login", login: { accountId: actor.userId, ts: Math.floor(signedInAt / 1000), amr, acr: acrOf(amr), remember: true } };
}
