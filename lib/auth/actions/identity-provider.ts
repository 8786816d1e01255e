import type { ActionRule } from "@/lib/auth/action-rules";

/**
 * The identity provider's endpoints (oidc-provider, mounted under /oidc, /device and
 * /.well-known). They are public to our rules: each authenticates its own caller as the
 * OAuth and OpenID Connect specifications say (a client by its secret or key, a user by
 * the provider's session and our sign-in), so none looks at our credentials. The
 * token, device and introspection endpoints are rate limited by their wrapper.
 */
export const identityProviderActions = {
  "oidc.discovery": {
    description: "The provider's metadata (OpenID Discovery, RFC 8414).",
    access: "public",
    reads: true,
    anonymous: true,
  },
  "oidc.jwks": { description: "The provider's public signing keys.", access: "public", reads: true, anonymous: true },
  "oidc.authorize": {
    description: "The authorization endpoint: an application asks to sign someone in; the person signs in and consents on our pages.",
    access: "public",
    anonymous: true,
  },
  "oidc.token": {
    description: "The token endpoint: codes, refresh tokens, client credentials and device codes for tokens.",
    access: "public",
    anonymous: true,
  },
  "oidc.userinfo": { description: "The UserInfo endpoint, for an access token the provider issued.", access: "public", anonymous: true },
  "oidc.introspect": {
    description: "Token introspection (RFC 7662), for the client a token belongs to.",
    access: "public",
    anonymous: true,
  },
  "oidc.revoke": { description: "Token revocation (RFC 7009), by the client a token belongs to.", access: "public", anonymous: true },
  "oidc.par": { description: "Pushed authorization requests (RFC 9126).", access: "public", anonymous: true },
  "oidc.end-session": { description: "RP-initiated sign-out, with its confirmation.", access: "public", anonymous: true },
  "oidc.device-authorization": {
    description: "The device authorization endpoint (RFC 8628): a device asks for a code to show.",
    access: "public",
    anonymous: true,
  },
  "oidc.device-verification": {
    description: "The /device page where a person types a device's code, and its confirmation.",
    access: "public",
    anonymous: true,
  },
} as const satisfies Record<string, ActionRule>;

/**
 * The steps of an application's sign-in on our own pages (/interaction/:uid): they act for
 * the person signed in to this browser, never for a "view as" session (the defaults of a
 * change) and never for a token.
 */
export const interactionActions = {
  "oidc.interaction.continue": {
    description: "Sign in to an application with the browser's session, once it is fresh and strong enough for the request.",
    access: "signed-in",
  },
  "oidc.interaction.consent": { description: "Allow or refuse what an application asks for.", access: "signed-in" },
  "oidc.interaction.cancel": {
    description: "Stop an application's sign-in; the application is told the person refused.",
    access: "public",
  },
} as const satisfies Record<string, ActionRule>;
