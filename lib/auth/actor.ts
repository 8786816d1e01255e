import type { GlobalRole } from "@/lib/auth/roles";
import type { ApiScope } from "@/lib/auth/scopes";

/** The authenticated caller every service receives; services decide what it may do. */
export type Actor = {
  userId: string;
  email: string;
  role: GlobalRole;
  /**
   * How the caller proved who it is: a browser session, an access token of the legacy
   * password grant, a personal access token, or an access token the identity provider
   * issued to an application (for a user, or for a machine application itself).
   */
  via: "session" | "access_token" | "api_token" | "application_token";
  /** The browser or OAuth session behind the request, if any. */
  sessionId: string | null;
  /** The personal access token behind the request, if any. */
  apiTokenId: string | null;
  /** A token's scopes; null for sessions, which may do everything their user may. */
  scopes: readonly ApiScope[] | null;
  /** A token limited to one organization; null when unrestricted. */
  organizationId: string | null;
  /**
   * A policy requires a second factor this user has not set up: until they enrol, the
   * caller may only reach their account's security settings (second-factor-gate.ts).
   * Never set for personal access tokens, which are not checked for factors at use.
   */
  mustEnrollSecondFactor?: boolean;
  /**
   * The administrator viewing the app as this user ("view as"), for a session opened by
   * startImpersonation: the services that touch credentials refuse it
   * (impersonation-gate.ts), and every audit event of the request names it.
   */
  impersonator?: Impersonator;
  /**
   * The application an identity-provider token was issued to. `acting: "itself"` is a
   * machine application's client-credentials token: no user stands behind it, `userId` is
   * the application's id, and it acts with the built-in admin role of its scope (the
   * installation, or its organization), bounded by its scopes.
   */
  application?: ActingApplication;
};

export type ActingApplication = { id: string; clientId: string; name: string; acting: "user" | "itself" };

/** Who is viewing the app as another user, and when that session ends (ISO 8601). */
export type Impersonator = { id: string; email: string; endsAt: string };

/** The actor of a browser session. */
export function sessionActor(
  user: { id: string; email: string; role: GlobalRole },
  sessionId: string,
  mustEnrollSecondFactor = false,
  impersonator?: Impersonator,
): Actor {
  return {
    userId: user.id,
    email: user.email,
    role: user.role,
    via: "session",
    sessionId,
    apiTokenId: null,
    scopes: null,
    organizationId: null,
    mustEnrollSecondFactor,
    ...(impersonator ? { impersonator } : {}),
  };
}
