import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ImpersonationHistory } from "@/components/account/impersonation-history";
import { PasskeyList } from "@/components/account/passkey-list";
import { PasskeyRegisterForm } from "@/components/account/passkey-register-form";
import { PasswordForm } from "@/components/account/password-form";
import { SessionList } from "@/components/account/session-list";
import { GrantedApplicationList } from "@/components/account/granted-application-list";
import { listGrantedApplications } from "@/lib/services/oidc/list-granted-applications";
import { TokenCreateForm } from "@/components/account/token-create-form";
import { TokenList } from "@/components/account/token-list";
import { TwoFactorSection } from "@/components/account/two-factor-section";
import { config } from "@/lib/config";
import { requireSessionActor } from "@/lib/session/require-session-actor";
import type { Actor } from "@/lib/auth/actor";
import { findApiTokens } from "@/lib/services/api-tokens/find-api-tokens";
import { findOwnImpersonations } from "@/lib/services/impersonation/find-own-impersonations";
import { findOwnFactors } from "@/lib/services/mfa/find-own-factors";
import { findPasskeys } from "@/lib/services/passkeys/find-passkeys";
import { findOwnSessions } from "@/lib/services/sessions/find-own-sessions";
import { getCurrentUser } from "@/lib/services/users/get-current-user";
import {
  changePasswordAction,
  confirmTotpEnrolmentAction,
  createTokenAction,
  endOtherSessionsAction,
  revokeApplicationAction,
  endSessionAction,
  regenerateRecoveryCodesAction,
  removeFactorAction,
  revokeTokenAction,
  startTotpEnrolmentAction,
  updateProfileAction,
} from "@/app/account/actions";
import { AccountProfileForm } from "@/components/account/account-profile-form";
import { listOwnAttributes } from "@/lib/services/attributes/list-own-attributes";
import { registerPasskeyAction, removePasskeyAction, startPasskeyRegistrationAction } from "@/app/account/passkey-actions";

const twoFactorActions = {
  startTotp: startTotpEnrolmentAction,
  confirmTotp: confirmTotpEnrolmentAction,
  regenerateRecoveryCodes: regenerateRecoveryCodesAction,
  removeFactor: removeFactorAction,
};

export const metadata: Metadata = { title: "Your account" };

function Section({ id, title, description, children }: { id: string; title: string; description: string; children: ReactNode }) {
  return (
    <section
      aria-labelledby={id}
      className="space-y-4 rounded-xl border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div>
        <h2 id={id} className="text-lg font-medium">
          {title}
        </h2>
        <p className="text-sm text-muted">{description}</p>
      </div>
      {children}
    </section>
  );
}

export default async function AccountPage() {
  const actor = await requireSessionActor();
  const [user, impersonations, applications, attributes] = await Promise.all([
    getCurrentUser({ actor }),
    findOwnImpersonations({ actor }),
    listGrantedApplications({ actor, userId: actor.userId }),
    listOwnAttributes(),
  ]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">Your account</h1>
        <p className="text-sm text-muted">Signed in as {user.email}</p>
      </header>
      {actor.impersonator ? (
        <p className="rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800">
          Password, second factors, passkeys, sessions and personal access tokens are not shown while viewing as {user.email}.
        </p>
      ) : (
        <AccountSecurity actor={actor} />
      )}
      <Section
        id="profile"
        title="Profile"
        description="How you are named and reached, and your language and time zone. Applications you sign in to receive these."
      >
        {/* A view as the user only reads: its form shows the profile with nothing to change. */}
        <AccountProfileForm
          submit={updateProfileAction}
          user={user}
          editable={config().PROFILE_SELF_EDITABLE}
          attributes={attributes}
          viewOnly={Boolean(actor.impersonator)}
        />
      </Section>
      <Section
        id="applications"
        title="Applications"
        description="Applications you signed in to with this account and allowed to act for you. Revoking one signs it out and stops its tokens."
      >
        <GrantedApplicationList applications={applications} revoke={actor.impersonator ? undefined : revokeApplicationAction} />
      </Section>
      <Section
        id="impersonations"
        title="Viewed by administrators"
        description="When an administrator viewed the app as you, to see what you see. They could not reach your password, factors, sessions or tokens."
      >
        <ImpersonationHistory impersonations={impersonations} />
      </Section>
    </div>
  );
}

/** What only the user themselves may see and change; never loaded while an administrator views as them. */
async function AccountSecurity({ actor }: { actor: Actor }) {
  const [sessions, tokens, secondFactors, foundPasskeys] = await Promise.all([
    findOwnSessions({ actor }),
    findApiTokens({ actor }),
    findOwnFactors({ actor }),
    findPasskeys({ actor }),
  ]);
  const factors = secondFactors.factors.map((factor) => ({
    ...factor,
    createdAt: factor.createdAt.toISOString(),
    lastUsedAt: factor.lastUsedAt?.toISOString() ?? null,
  }));
  const passkeys = foundPasskeys.map((passkey) => ({
    ...passkey,
    createdAt: passkey.createdAt.toISOString(),
    lastUsedAt: passkey.lastUsedAt?.toISOString() ?? null,
  }));

  return (
    <>
      {actor.mustEnrollSecondFactor ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950">
          Your account must use two-factor authentication. Add an authenticator app or a passkey below to continue; until then the rest of
          the app is closed to you.
        </p>
      ) : null}
      <Section
        id="password"
        title="Password"
        description="Changing it signs out every other browser and API client, and revokes your personal access tokens unless you keep them."
      >
        <PasswordForm submit={changePasswordAction} />
      </Section>
      <Section
        id="two-factor"
        title="Two-factor authentication"
        description="A second proof after your password: a code from an authenticator app, or one of your recovery codes."
      >
        <TwoFactorSection factors={factors} recoveryCodesRemaining={secondFactors.recoveryCodesRemaining} actions={twoFactorActions} />
      </Section>
      <Section
        id="passkeys"
        title="Passkeys"
        description="Sign in with your fingerprint, face, device PIN or a security key instead of a password; after a password, a passkey also serves as your second factor."
      >
        <PasskeyList passkeys={passkeys} removePasskey={removePasskeyAction} factorCount={factors.length} />
        <PasskeyRegisterForm start={startPasskeyRegistrationAction} finish={registerPasskeyAction} />
      </Section>
      <Section id="sessions" title="Sessions" description="Where you are signed in. End any you do not recognise.">
        <SessionList sessions={sessions} endSession={endSessionAction} endOtherSessions={endOtherSessionsAction} />
      </Section>
      <Section
        id="tokens"
        title="Personal access tokens"
        description="For scripts and tools: send one as “Authorization: Bearer …” to the API. It can do only what its scopes allow."
      >
        <TokenList tokens={tokens} revokeToken={revokeTokenAction} />
        <h3 className="pt-2 text-base font-medium">New token</h3>
        <TokenCreateForm
          submit={createTokenAction}
          maxDays={config().API_TOKEN_MAX_DAYS}
          reauthenticationMinutes={config().STEP_UP_MINUTES}
        />
      </Section>
    </>
  );
}
