import type { ActionRule } from "@/lib/auth/action-rules";
import { allowsOrganizationToken, allowsViewAs } from "@/lib/auth/action-rules";
import { createUser } from "@/tests/support/factories";
import { personalAccessToken, scimBearer, sessionCookie } from "@/tests/support/callers";
import type { Credentials } from "@/tests/support/route-call";
import { createOrganizationFor } from "@/tests/support/organizations";
import { actorFor } from "@/tests/support/factories";

/**
 * The kinds of caller every action is tried against. Each is a superadmin's credential
 * (but the view, which is of an administrator), so that what refuses it is the action's
 * rule, not a missing permission.
 */
export const callerKinds = ["freshSession", "staleSession", "organizationToken", "readOnlyToken", "viewAs", "scimToken"] as const;
export type CallerKind = (typeof callerKinds)[number];

/** A refusal by an action's rules, as the caller sees it. */
export type Refusal =
  | "unauthorized"
  | "organization_token_refused"
  | "insufficient_scope"
  | "view_as_read_only"
  | "reauthentication_required"
  | "second_factor_required"
  | "mfa_enrollment_required";

/** STEP_UP_MINUTES is 5 by default: an hour-old confirmation is stale. */
const staleMinutes = 60;

/** One credential of the kind, on a world of its own: only the records that kind needs. */
export async function callerOfKind(kind: CallerKind): Promise<Credentials> {
  if (kind === "viewAs") {
    const { user: admin } = await createUser({ role: "admin" });
    const { user: viewer } = await createUser({ role: "superadmin" });
    const viewerSession = await sessionCookie(viewer);
    const impersonator = { id: viewer.id, sessionId: viewerSession.sessionId };
    return { cookie: (await sessionCookie(admin, { verifiedMinutesAgo: staleMinutes, impersonator })).cookie };
  }
  const { user: superadmin } = await createUser({ role: "superadmin" });
  switch (kind) {
    case "freshSession":
      return { cookie: (await sessionCookie(superadmin)).cookie };
    case "staleSession":
      return { cookie: (await sessionCookie(superadmin, { verifiedMinutesAgo: staleMinutes })).cookie };
    case "readOnlyToken":
      return { bearer: await personalAccessToken(superadmin, { scopes: ["read"] }) };
    case "organizationToken": {
      const organization = await createOrganizationFor(actorFor(superadmin));
      return { bearer: await personalAccessToken(superadmin, { organizationId: organization.id }) };
    }
    case "scimToken": {
      const organization = await createOrganizationFor(actorFor(superadmin));
      return { bearer: await scimBearer(organization.id) };
    }
  }
}

/** One credential of each kind, side by side in one world. */
export async function callersOfEveryKind(): Promise<Record<CallerKind, Credentials>> {
  const callers = await Promise.all(callerKinds.map(async (kind) => [kind, await callerOfKind(kind)] as const));
  return Object.fromEntries(callers) as Record<CallerKind, Credentials>;
}

/**
 * What an action's declared rules say a caller of this kind meets, in the order the
 * docs give (docs/security.md, "The action catalogue"); null when no rule refuses it.
 * Written out here from the declarations, independently of the code that enforces them.
 */
export function declaredRefusal(rule: ActionRule, kind: CallerKind, where: "api" | "scim" | "page" | "browser"): Refusal | null {
  if (where === "scim") return kind === "scimToken" ? null : "unauthorized";
  // A browser-only route reads the session cookie and nothing else: a token there is no one.
  if (where === "browser" && (kind === "organizationToken" || kind === "readOnlyToken" || kind === "scimToken")) return null;
  if (rule.access === "public") return kind === "scimToken" && where === "api" && !rule.anonymous ? "unauthorized" : null;
  if (kind === "scimToken") return "unauthorized";
  if (kind === "organizationToken" && !allowsOrganizationToken(rule)) return "organization_token_refused";
  if (kind === "readOnlyToken" && !rule.reads) return "insufficient_scope";
  if (kind === "viewAs" && !allowsViewAs(rule)) return "view_as_read_only";
  const stepUp = rule.stepUp === true;
  if (kind === "staleSession" && stepUp) return "reauthentication_required";
  if ((kind === "organizationToken" || kind === "readOnlyToken") && stepUp && rule.stepUpEvenForTokens) return "reauthentication_required";
  return null;
}

const ruleCodes = new Set<string>([
  "organization_token_refused",
  "view_as_read_only",
  "reauthentication_required",
  "second_factor_required",
  "mfa_enrollment_required",
]);

export const isRuleCode = (code: string | undefined): code is Refusal => code !== undefined && ruleCodes.has(code);

/** Which rule refused an answer, if any: by status, challenge or problem code, whatever the entry kind's error format. */
export function refusalOf(status: number, headers: Headers, body: Record<string, unknown> | null): Refusal | null {
  if (status === 401) return "unauthorized";
  if (headers.get("www-authenticate")?.includes("insufficient_scope")) return "insufficient_scope";
  const code = typeof body?.code === "string" ? body.code : null;
  return code && ruleCodes.has(code) ? (code as Refusal) : null;
}
