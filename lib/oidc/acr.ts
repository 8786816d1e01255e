/**
 * The Authentication Context Class References this provider asserts: one factor, or more
 * than one. A client that needs a second factor asks for `mfaAcr` in `acr_values`, or its
 * registration says so (`requireSecondFactor`).
 */
export const singleFactorAcr = "urn:usermanager:acr:1fa";
export const mfaAcr = "urn:usermanager:acr:mfa";
export const acrValues = [singleFactorAcr, mfaAcr];

/** The acr a sign-in earns, from its authentication methods (RFC 8176 `amr` values). */
export const acrOf = (amr: readonly string[]) => (amr.includes("mfa") ? mfaAcr : singleFactorAcr);
