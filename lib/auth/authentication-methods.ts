import type { Proof } from "@/lib/generated/prisma/enums";

/**
 * How a person proved who they are, as RFC 8176 names the methods: what applications
 * learn as the `amr` claim, and what decides the `acr` (lib/oidc/acr.ts).
 * - `pwd`: the password;
 * - `otp`: a code from an authenticator app, or a one-time recovery code;
 * - `hwk` / `swk`: a passkey on a hardware security key / kept by a platform (synced);
 * - `mfa`: more than one factor, or a passkey checked with user verification.
 */
export type AuthenticationMethod = "pwd" | "otp" | "hwk" | "swk" | "mfa";

/** What a session's proof alone says, where no more is known (sessions of the legacy grants, single sign-on). */
export function methodsOfProof(proof: Proof): AuthenticationMethod[] {
  if (proof === "password") return ["pwd"];
  if (proof === "second_factor") return ["pwd", "mfa"];
  return [];
}

/** A passkey's method: a roaming key (USB, NFC, Bluetooth) is hardware; a platform or synced one, software. */
export function passkeyMethod(transports: readonly string[]): "hwk" | "swk" {
  return transports.some((transport) => transport === "usb" || transport === "nfc" || transport === "ble") ? "hwk" : "swk";
}

/** Methods joined, each once, with `mfa` whenever a second factor is among them. */
export function joinMethods(...groups: readonly (readonly string[])[]): AuthenticationMethod[] {
  const all = new Set(groups.flat());
  const factors = ["otp", "hwk", "swk"].filter((method) => all.has(method)).length;
  if (factors > 0 && (all.has("pwd") || factors > 1)) all.add("mfa");
  const order: AuthenticationMethod[] = ["pwd", "otp", "hwk", "swk", "mfa"];
  return order.filter((method) => all.has(method));
}
