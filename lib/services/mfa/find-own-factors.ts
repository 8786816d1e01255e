import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { findFactorSummary, type FactorSummary } from "@/lib/services/mfa/find-factors";

/** The caller's own second factors and remaining recovery codes; never shown to an administrator viewing as them. */
export async function findOwnFactors({ actor }: { actor: Actor }): Promise<FactorSummary> {
  return findFactorSummary(actor.userId);
}
