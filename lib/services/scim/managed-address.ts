import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ScimCaller } from "@/lib/services/scim/scim-caller";

/** The part of a (lower-cased) address after its last "@", as domains are stored. */
const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

/**
 * Whether the directory may manage an account at this address: its domain must be one its
 * organization verified. Anyone may create an organization and a SCIM token, so without
 * this a directory could claim any address, link a stranger's account, or move an account
 * it made to an address it controls and take it over by a password reset.
 */
export async function isManagedAddress(tx: Tx, caller: ScimCaller, email: string): Promise<boolean> {
  const verified = await tx.organizationDomain.count({
    where: { organizationId: caller.organizationId, domain: domainOf(email), verifiedAt: { not: null } },
  });
  return verified > 0;
}

/**
 * Refuses an address outside the organization's verified domains, before anything looks
 * at accounts: the answer is the same words whether or not the address is registered, so
 * a directory learns nothing of accounts it may not manage.
 */
export async function assertManagedAddress(tx: Tx, caller: ScimCaller, email: string): Promise<void> {
  if (await isManagedAddress(tx, caller, email)) return;
  throw new AppError(
    "forbidden",
    "This directory may only manage addresses in its organization's verified domains; an owner adds and verifies domains in the organization's settings.",
  );
}
