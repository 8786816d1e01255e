import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  revokeUserTokenAction,
  revokeUserApplicationAction,
  updateUserAction,
  userLifecycleAction,
  viewAsUserAction,
  type LifecycleAction,
} from "@/app/admin/users/[id]/actions";
import { TokenList } from "@/components/account/token-list";
import { GrantedApplicationList } from "@/components/account/granted-application-list";
import { listGrantedApplications } from "@/lib/services/oidc/list-granted-applications";
import { auditHref } from "@/components/audit/audit-url";
import { ViewAsButton } from "@/components/impersonation/view-as-button";
import { LocalTime } from "@/components/ui/local-time";
import { UserFacts } from "@/components/users/user-facts";
import { SecondFactorList } from "@/components/users/second-factor-list";
import { RoleBadge, StatusBadge } from "@/components/users/user-badges";
import { UserLifecycleButton } from "@/components/users/user-lifecycle-button";
import { UserProfileForm } from "@/components/users/user-profile-form";
import { UserAttributesSection } from "@/components/users/user-attributes-section";
import { UserPageSection } from "@/components/users/user-page-section";
import { updateUserAttributesAction } from "@/app/admin/users/[id]/attribute-actions";
import { listAttributes } from "@/lib/services/attributes/list-attributes";
import { impersonationRefusal } from "@/lib/auth/impersonation-gate";
import { assignableRoles, can } from "@/lib/auth/permissions";
import { config } from "@/lib/config";
import { findApiTokens } from "@/lib/services/api-tokens/find-api-tokens";
import { idField } from "@/lib/schemas/fields";
import { profileFields } from "@/lib/schemas/profile";
import { findUserAuditEvents } from "@/lib/services/users/find-user-audit-events";
import { findUserSessions } from "@/lib/services/users/find-user-sessions";
import { getUser } from "@/lib/services/users/get-user";
import { recentFactorDays } from "@/lib/schemas/user";
import { pluralize } from "@/lib/pluralize";
import { requirePagePermission, shownOrNotFound } from "@/lib/session/require-session-actor";

export const metadata: Metadata = { title: "User" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePagePermission("users:read");
  if (!idField.safeParse(id).success) notFound();
  const user = await shownOrNotFound(getUser({ actor, userId: id }));
  const { data: attributes } = await listAttributes({ actor, organizationId: null });
  const [sessions, events, tokens, applications] = await Promise.all([
    findUserSessions({ actor, userId: id }),
    findUserAuditEvents({ actor, userId: id }),
    findApiTokens({ actor, userId: id }),
    listGrantedApplications({ actor, userId: id }),
  ]);
  const manageable = can(actor, "users:write", { user });
  const lifecycle = (action: LifecycleAction) => userLifecycleAction.bind(null, { userId: user.id, action });
  const locked = user.lockedUntil !== null && new Date(user.lockedUntil) > new Date();
  // A factor planted through a session left open survives a sign-out: offer to remove the recent ones with it.
  const recentSince = new Date().getTime() - recentFactorDays.offered * 86_400_000;
  const recentFactors = user.factors.filter((factor) => new Date(factor.createdAt).getTime() >= recentSince);

  return (
    <div className="space-y-6">
      <Link href="/admin/users" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
        ← All users
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="break-all text-2xl font-semibold">{user.email}</h1>
        <RoleBadge role={user.role} />
        <StatusBadge user={user} />
        {impersonationRefusal(actor, user) === null ? (
          <ViewAsButton
            action={viewAsUserAction.bind(null, { userId: user.id })}
            email={user.email}
            minutes={config().IMPERSONATION_MINUTES}
          />
        ) : null}
      </div>
      <UserFacts user={user} locked={locked} />

      {user.deletedAt ? (
        <UserPageSection title="Deleted">
          <p className="text-sm">
            Deleted on <LocalTime iso={user.deletedAt} never="never" />. Restore brings them back; purge erases their personal data for
            good.
          </p>
          {manageable ? (
            <div className="flex flex-wrap gap-2">
              <UserLifecycleButton
                action={lifecycle("restore")}
                label="Restore"
                confirm="They can sign in again with their old password."
              />
              <UserLifecycleButton
                action={lifecycle("purge")}
                label="Purge"
                confirm="Email, name, password, sessions and tokens are erased. This cannot be undone."
                destructive
              />
            </div>
          ) : null}
        </UserPageSection>
      ) : manageable ? (
        <>
          <UserPageSection title="Profile">
            <UserProfileForm submit={updateUserAction} user={user} roles={assignableRoles(actor)} profileFields={profileFields} />
          </UserPageSection>
          <UserAttributesSection submit={updateUserAttributesAction} user={user} attributes={attributes} />
          <UserPageSection title="Access">
            <div className="flex flex-wrap gap-2">
              {locked || user.failedSignIns > 0 ? (
                <UserLifecycleButton
                  action={lifecycle("unlock")}
                  label="Unlock"
                  confirm="Clears failed sign-ins so they can try again now."
                />
              ) : null}
              {user.status === "active" ? (
                <UserLifecycleButton
                  action={lifecycle("disable")}
                  label="Disable"
                  confirm="They are signed out at once, their access tokens are revoked for good, and they cannot sign in."
                />
              ) : (
                <UserLifecycleButton action={lifecycle("enable")} label="Enable" confirm="They can sign in again." />
              )}
              <UserLifecycleButton
                action={lifecycle("delete")}
                label="Delete"
                confirm="They are signed out and hidden from lists; you can restore them for a while."
                destructive
              />
            </div>
          </UserPageSection>
        </>
      ) : (
        <p className="text-sm text-muted">Only a superadmin can change a superadmin.</p>
      )}

      <UserPageSection title={`Second factors (${user.factors.length})`}>
        <SecondFactorList factors={user.factors} />
        {manageable && !user.deletedAt && user.factors.length > 0 ? (
          <UserLifecycleButton
            action={lifecycle("resetFactors")}
            label="Reset second factors"
            confirm="Their authenticator apps, passkeys and recovery codes are removed and every session of theirs ends. They then sign in with their password alone until they set up a new factor."
            destructive
          />
        ) : null}
      </UserPageSection>

      <UserPageSection title={`Sessions (${sessions.length})`}>
        {sessions.length === 0 ? (
          <p className="text-sm text-muted">No active sessions.</p>
        ) : (
          <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
            {sessions.map((session) => (
              <li key={session.id} className="py-2">
                {session.kind} · {session.ip ?? "unknown address"} · last seen <LocalTime iso={session.lastSeenAt} never="never" />
                <span className="block truncate text-xs text-muted">{session.userAgent}</span>
              </li>
            ))}
          </ul>
        )}
        {manageable && (sessions.length > 0 || tokens.length > 0) ? (
          <UserLifecycleButton
            action={lifecycle("revokeSessions")}
            label="Sign out everywhere"
            confirm="Every session of this user ends now and their personal access tokens are revoked. They are mailed the second factors their account has."
          />
        ) : null}
        {manageable && recentFactors.length > 0 ? (
          <UserLifecycleButton
            action={userLifecycleAction.bind(null, {
              userId: user.id,
              action: "revokeSessions",
              removeFactorsAddedWithinDays: recentFactorDays.offered,
            })}
            label={`Sign out everywhere and remove ${pluralize(recentFactors.length, "recent factor")}`}
            confirm={`Every session ends, their tokens are revoked, and these second factors, added in the last ${recentFactorDays.offered} days, are removed: ${recentFactors.map((factor) => factor.name).join(", ")}. Use this when a factor may have been added by someone else.`}
            destructive
          />
        ) : null}
      </UserPageSection>

      <UserPageSection title={`Personal access tokens (${tokens.length})`}>
        <TokenList tokens={tokens} revokeToken={manageable ? revokeUserTokenAction : undefined} userId={user.id} />
      </UserPageSection>

      <UserPageSection title={`Applications (${applications.length})`}>
        <GrantedApplicationList
          applications={applications}
          revoke={manageable ? revokeUserApplicationAction : undefined}
          userId={user.id}
        />
      </UserPageSection>

      <UserPageSection title="Recent activity">
        {events.length === 0 ? (
          <p className="text-sm text-muted">
            {user.lastLoginAt
              ? "No events about this account are left in the audit log (older ones may have been pruned)."
              : "Nothing recorded yet."}
          </p>
        ) : (
          <ol className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
            {events.map((event) => (
              <li key={event.id} className="flex flex-wrap gap-x-3 py-2">
                <span className="text-muted">
                  <LocalTime iso={event.at} />
                </span>
                <span className="font-mono">{event.action}</span>
                <span className="text-muted">by {event.actorEmail ?? "the system"}</span>
              </li>
            ))}
          </ol>
        )}
        <p className="flex gap-4 text-sm">
          <Link href={auditHref({ target: user.id })} className="text-indigo-700 hover:underline dark:text-indigo-300">
            Events about this user
          </Link>
          <Link href={auditHref({ actor: user.id })} className="text-indigo-700 hover:underline dark:text-indigo-300">
            Events by this user
          </Link>
        </p>
      </UserPageSection>
    </div>
  );
}
