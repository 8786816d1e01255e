import "server-only";
import type { OIDCConfig } from "next-auth/providers";
import { config } from "@/lib/config";

export const ssoProviderId = "oidc";

type Claims = { sub: string; email?: string; email_verified?: boolean; name?: string; preferred_username?: string; picture?: string };

/** Whether OIDC sign-in is configured, and under which name the sign-in page offers it. */
export function singleSignOn(): { name: string } | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME } = config();
  return OIDC_ISSUER && OIDC_CLIENT_ID && OIDC_CLIENT_SECRET ? { name: OIDC_NAME } : null;
}

/**
 * The generic OpenID Connect provider from OIDC_* settings, or null when unset. Emails
 * are lower-cased, as every address in `users` is. Linking to an existing account by
 * email is allowed here only because the `signIn` callback first insists that the
 * provider vouches for the address (see checkSsoSignIn).
 */
export function ssoProvider(): OIDCConfig<Claims> | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME } = config();
  if (!singleSignOn()) return null;
  return {
    id: ssoProviderId,
    name: OIDC_NAME,
    type: "oidc",
    issuer: OIDC_ISSUER,
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    allowDangerousEmailAccountLinking: true,
    // The person's claims come from userinfo (checked against the ID token's subject): a
    // provider that follows OpenID Connect Core puts the scopes' claims there when it
    // issues an access token, and the ID token then has no email to sign in with.
    idToken: false,
    profile: (claims) => ({
      id: claims.sub,
      name: claims.name ?? claims.preferred_username ?? null,
      email: claims.email?.trim().toLowerCase() ?? null,
      image: claims.picture ?? null,
    }),
  };
}
