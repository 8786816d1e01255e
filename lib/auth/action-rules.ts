import type { Actor } from "@/lib/auth/actor";
import { isGlobalPermission, isOrganizationPermission, type Permission } from "@/lib/auth/permission-catalogue";
import { can } from "@/lib/auth/permissions";
import { scopeRefused } from "@/lib/auth/scopes";
import { enrolmentRequired } from "@/lib/auth/second-factor-gate";
import { AppError } from "@/lib/errors";

/**
 * Who an action is for, before any record is looked at:
 * - a permission code: `can` decides (a global one at the door, an organization's in the
 *   service, which knows the organization);
 * - `own-account`: the caller's own account (its profile, credentials, sessions, tokens);
 * - `signed-in`: any signed-in person (creating an organization, accepting an invitation);
 * - `directory`: an identity provider's SCIM token, inside its own organization;
 * - `public`: anyone, signed in or not (the sign-in steps, probes, the API document).
 */
export type ActionAccess = Permission | "own-account" | "signed-in" | "directory" | "public";

/** Input as it arrives, before its schema: a form's data or a JSON body. */
export type RawInput = unknown;

/**
 * What an action declares about its callers, with safe defaults: whatever an entry leaves
 * out is the stricter answer. The action catalogue (`action-catalogue.ts`) holds one of
 * these per action, and the wrappers of every entry point enforce it through
 * `actionRefusal` and the step-up check, so no endpoint has to remember a rule.
 */
export type ActionRule = {
  description: string;
  access: ActionAccess;
  /** Changes nothing: a read-only token may do it, and so may a "view as" session. Default: a change. */
  reads?: boolean;
  /**
   * Whether a token limited to one organization may do it. Default: only actions inside an
   * organization (an organization permission), which `can` then holds to that organization.
   */
  organizationToken?: boolean;
  /**
   * Needs a recent confirmation (a sign-in or step-up within STEP_UP_MINUTES). A function
   * decides from the input as sent, for actions sensitive only for some inputs (granting a
   * global role). Default: no.
   */
  stepUp?: boolean | ((input: RawInput) => boolean);
  /**
   * Personal access tokens have no session to confirm and pass the step-up of other
   * actions; for these (minting a credential) a token must send its proof along too.
   */
  stepUpEvenForTokens?: boolean;
  /** The input field that may carry the caller's password as the proof. Codes always come as `otp` or `recoveryCode`. */
  passwordProofField?: string;
  /** Allowed while an administrator views the app as a user. Default: reads only. */
  viewAs?: boolean;
  /** Open to someone a policy requires to set up a second factor first: only what enrolment needs. */
  beforeSecondFactor?: boolean;
  /** Never look at credentials at all (probes, documents): they must stay cheap and answer behind any proxy. */
  anonymous?: boolean;
};

/** Who is calling: a person (session or token), an identity provider's SCIM token, or nobody. */
export type Caller = Actor | DirectoryCaller | null;

/**
 * An organization's directory: its SCIM token, or its machine application holding the
 * `scim` scope (`credential` says which; `tokenId` is then the application's id). Never a
 * person, and only ever inside its organization.
 */
export type DirectoryCaller = {
  via: "scim_token";
  credential: "scim_token" | "application";
  tokenId: string;
  organizationId: string;
  name: string;
};

export const isDirectoryCaller = (caller: Caller): caller is DirectoryCaller => caller?.via === "scim_token";

/** Whether a token limited to one organization may take the action. */
export const allowsOrganizationToken = (rule: ActionRule) => rule.organizationToken ?? isOrganizationPermission(rule.access);

/** Whether a "view as" session may take the action. */
export const allowsViewAs = (rule: ActionRule) => rule.viewAs ?? rule.reads === true;

/** Whether the action needs a recent confirmation for this input. */
export function needsStepUp(rule: ActionRule, input: RawInput): boolean {
  return typeof rule.stepUp === "function" ? rule.stepUp(input) : rule.stepUp === true;
}

export const unauthenticated = () =>
  new AppError("unauthorized", "Sign in or send a bearer token.", { headers: { "www-authenticate": 'Bearer realm="api"' } });

/**
 * The one decision every entry point asks before its handler runs, in this order: is a
 * caller needed; is it the right kind (a SCIM token only provisions, a person never
 * does); may a token limited to one organization take it; do the token's scopes allow
 * it; may a "view as" session take it; must the caller first enrol a second factor; does
 * the caller hold the global permission it names. Null when nothing refuses. Step-up,
 * which needs the database, follows in `authorizeAction`; an organization permission is
 * checked by the service, which loads the organization.
 */
export function actionRefusal(rule: ActionRule, caller: Caller): AppError | null {
  if (rule.access === "public") return null;
  if (!caller) return unauthenticated();
  if (isDirectoryCaller(caller)) {
    return rule.access === "directory"
      ? null
      : new AppError("forbidden", "A SCIM token may only provision users and groups under /scim/v2.");
  }
  if (rule.access === "directory") return new AppError("forbidden", "Only an identity provider's SCIM token may call the SCIM endpoints.");
  if (caller.application?.acting === "itself" && (rule.access === "own-account" || rule.access === "signed-in")) {
    return new AppError("forbidden", "A machine application acts as itself and has no account of its own.");
  }
  if (caller.organizationId !== null && !allowsOrganizationToken(rule)) {
    return new AppError(
      "organization_token_refused",
      "This token is limited to one organization; it cannot act on the whole account or the installation. Use an unrestricted token or a session.",
    );
  }
  const scopeRefusal = scopeRefused(caller, rule.reads ? "read" : "write");
  if (scopeRefusal) return scopeRefusal;
  if (caller.impersonator && !allowsViewAs(rule)) {
    return new AppError(
      "view_as_read_only",
      `While viewing as ${caller.email} you can look, not change anything. Stop viewing to act as yourself (${caller.impersonator.email}).`,
    );
  }
  if (caller.mustEnrollSecondFactor && !rule.beforeSecondFactor) return enrolmentRequired();
  // The action's own read or write decided the scope above; here only the role counts.
  if (isGlobalPermission(rule.access) && !can({ ...caller, scopes: null }, rule.access)) {
    return new AppError("forbidden", `You do not have the permission ${rule.access}.`);
  }
  return null;
}

/** One field of the input as sent, from a form or a JSON body, before any schema has read it. */
export function sentField(input: RawInput, name: string): unknown {
  if (input instanceof FormData) return input.get(name) ?? undefined;
  return typeof input === "object" && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>)[name] : undefined;
}
