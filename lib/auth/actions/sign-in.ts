import type { ActionRule } from "@/lib/auth/action-rules";

/**
 * What anyone may reach without being signed in: the steps of signing up and in, the
 * links from emails, and the documents and probes that must answer every caller. Each
 * step guards itself (limits, one-time tokens, answers that reveal no account).
 */
export const signInActions = {
  "health.live": { description: "Liveness probe.", access: "public", reads: true, anonymous: true },
  "health.ready": { description: "Readiness probe: the database answers.", access: "public", reads: true, anonymous: true },
  "api.document": { description: "The OpenAPI document of this API.", access: "public", reads: true, anonymous: true },
  "api.reference": { description: "The interactive API reference and its assets.", access: "public", reads: true, anonymous: true },
  "api.unknown": { description: "Any path under /api/v1 that no endpoint answers: a problem document.", access: "public", anonymous: true },
  "api.method-not-allowed": {
    description: "A method an endpoint does not answer: 405 naming the methods it does (Allow); OPTIONS lists them.",
    access: "public",
    anonymous: true,
  },
  "auth.browser": {
    description: "Auth.js's own endpoints: sign-in callbacks, the CSRF token, the session, sign-out.",
    access: "public",
  },
  "auth.sign-in": { description: "Sign in with email and password in a browser.", access: "public" },
  "auth.sign-in.sso": { description: "Start single sign-on with the configured identity provider.", access: "public" },
  "auth.sign-in.second-factor": {
    description: "Finish a pending sign-in with a code, a recovery code or a passkey.",
    access: "public",
  },
  "auth.sign-out": { description: "Sign the browser out (also ends a view as someone).", access: "public" },
  "auth.sign-up": { description: "Create an account; answers alike whether or not the address is registered.", access: "public" },
  "auth.email.verify": { description: "Confirm an address, or finish an email change, with a link's token.", access: "public" },
  "auth.password.forgot": { description: "Mail a password reset link; answers alike for every address.", access: "public" },
  "auth.password.reset": { description: "Set a new password with a reset link's token, ending every session.", access: "public" },
  "auth.passkey.options": { description: "Start a passwordless sign-in: a challenge for any registered passkey.", access: "public" },
  "auth.passkey.verify": { description: "Finish a passwordless sign-in with the passkey's answer, for OAuth tokens.", access: "public" },
  // OAuth clients authenticate in the form the grant defines, never with a bearer credential.
  "auth.token": {
    description: "OAuth token endpoint: password (legacy), refresh and second-factor grants.",
    access: "public",
    anonymous: true,
  },
  "auth.revoke": { description: "OAuth token revocation (RFC 7009).", access: "public", anonymous: true },
  "invitations.sign-up": { description: "Create an account by following an invitation link.", access: "public" },
} as const satisfies Record<string, ActionRule>;
