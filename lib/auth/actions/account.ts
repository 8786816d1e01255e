import type { ActionRule } from "@/lib/auth/action-rules";

/**
 * The caller's own account. It is the whole account's business, beyond any one
 * organization, so a token limited to one never reaches it (but for knowing whose token
 * it is and signing out). Its credentials stay out of a "view as" session, even to read:
 * a view shows what the person sees, never a way to their account. Whatever adds, replaces
 * or removes a way to sign in needs a recent confirmation, so a session left open cannot
 * plant a factor or mint a credential that outlives it.
 */
export const accountActions = {
  "me.read": {
    description: "Read one's own profile.",
    access: "own-account",
    reads: true,
    organizationToken: true,
    beforeSecondFactor: true,
  },
  "me.update": { description: "Change one's own name and the profile fields the installation allows.", access: "own-account" },
  "me.sign-out": {
    description: "End the caller's own API or browser session.",
    access: "own-account",
    // Signing oneself out takes nothing from anyone: a read-only or organization token may do it too.
    reads: true,
    organizationToken: true,
    beforeSecondFactor: true,
  },
  "me.verify": {
    description: "Confirm who one is (password, a second-factor code or a passkey) before a sensitive action.",
    access: "own-account",
    beforeSecondFactor: true,
  },
  "me.verify.passkey-options": {
    description: "Start confirming who one is with a passkey: a challenge for one's own passkeys, for this session.",
    access: "own-account",
    // Not a read: it stores a challenge. Needed wherever `me.verify` is, so it comes before enrolment too.
    beforeSecondFactor: true,
  },
  "me.email.change": {
    description: "Mail a confirmation link to a new address.",
    access: "own-account",
    stepUp: true,
    passwordProofField: "password",
  },
  "me.password.change": {
    description: "Change one's own password, signing out every other session.",
    access: "own-account",
    stepUp: true,
    passwordProofField: "currentPassword",
  },
  "me.factors.read": {
    description: "List one's own second factors and how many recovery codes remain.",
    access: "own-account",
    reads: true,
    viewAs: false,
    beforeSecondFactor: true,
  },
  "me.totp.start": {
    description: "Start adding an authenticator app.",
    access: "own-account",
    stepUp: true,
    beforeSecondFactor: true,
  },
  "me.totp.confirm": {
    description: "Confirm the authenticator app with a code; answers new recovery codes.",
    access: "own-account",
    stepUp: true,
    beforeSecondFactor: true,
  },
  "me.passkeys.start": {
    description: "Start adding a passkey: options for the browser.",
    access: "own-account",
    stepUp: true,
    beforeSecondFactor: true,
  },
  "me.passkeys.register": {
    description: "Finish adding a passkey with the browser's answer.",
    access: "own-account",
    stepUp: true,
    beforeSecondFactor: true,
  },
  "me.factors.remove": {
    description: "Remove one of one's second factors: the authenticator app or a passkey.",
    access: "own-account",
    stepUp: true,
  },
  "me.recovery-codes.replace": {
    description: "Replace one's recovery codes; the old ones stop working.",
    access: "own-account",
    stepUp: true,
  },
  "me.sessions.read": {
    description: "List one's signed-in browsers and API clients.",
    access: "own-account",
    reads: true,
    viewAs: false,
  },
  "me.sessions.end": { description: "Sign one of one's sessions out, or all the others.", access: "own-account" },
  "me.applications.read": {
    description: "List the applications one has granted access (identity provider), with their scopes and last use.",
    access: "own-account",
    reads: true,
  },
  // Taking access away needs no confirmation, like signing a session out.
  "me.applications.revoke": { description: "Revoke what one granted an application; its tokens stop working.", access: "own-account" },
  "me.tokens.read": { description: "List one's personal access tokens.", access: "own-account", reads: true, viewAs: false },
  "me.tokens.create": {
    description: "Create a personal access token; the secret is shown once.",
    access: "own-account",
    stepUp: true,
    stepUpEvenForTokens: true,
    passwordProofField: "password",
  },
  "me.tokens.revoke": { description: "Revoke one of one's personal access tokens.", access: "own-account" },
  "view-as.stop": {
    description: "Stop viewing the app as a user and return to one's own session.",
    access: "signed-in",
    // Leaving a view is the one change a view may make.
    viewAs: true,
  },
} as const satisfies Record<string, ActionRule>;
