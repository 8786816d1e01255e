import "server-only";
import type { Account, Profile, User } from "next-auth";
import { setPendingSignInCookie } from "@/lib/session/pending-sign-in-cookie";
import { ssoProviderId } from "@/lib/session/single-sign-on";
import { runInActionContext } from "@/lib/http/action-context";
import { checkSsoSignIn } from "@/lib/services/auth/check-sso-sign-in";
import { holdSsoSignInForSecondFactor } from "@/lib/services/auth/hold-sso-for-second-factor";
import { openSsoSession } from "@/lib/services/auth/open-sso-session";
import { recordAccountLinked } from "@/lib/services/auth/record-account-linked";

type SignInParams = { user: User; account?: Account | null; profile?: Profile };

const isSso = (account?: Account | null): account is Account => account?.provider === ssoProviderId;

const secondFactorPage = "/sign-in/second-factor";

/**
 * The `signIn` callback: lets password sign-ins through, sends refused SSO sign-ins back
 * with a reason, and holds an SSO sign-in that a policy wants a second factor for at the
 * second step, with no session yet (hold-sso-for-second-factor.ts).
 */
export async function allowSsoSignIn({ user, account, profile }: SignInParams): Promise<true | string> {
  if (!isSso(account)) return true;
  const refusal = await runInActionContext(() =>
    checkSsoSignIn({
      provider: account.provider,
      providerAccountId: account.providerAccountId,
      email: user.email ?? null,
      emailVerified: profile?.email_verified === true,
    }),
  );
  if (refusal) return `/sign-in?error=${refusal}`;
  const userId = user.id;
  // For a new person Auth.js passes the provider's subject as the id: no account, so no factor to ask for.
  const pending = userId ? await runInActionContext(() => holdSsoSignInForSecondFactor(userId)) : null;
  if (!pending) return true;
  await setPendingSignInCookie(pending);
  return secondFactorPage;
}

/** On an SSO sign-in (only then does Auth.js pass `account`), opens our session row and returns its secret. */
export async function ssoSessionSecret({ user, account, profile, isNewUser }: SignInParams & { isNewUser?: boolean }) {
  if (!isSso(account) || !user.id) return undefined;
  const userId = user.id;
  return runInActionContext(() =>
    openSsoSession({ userId, provider: account.provider, isNewUser: Boolean(isNewUser), emailVerified: profile?.email_verified === true }),
  );
}

export async function auditAccountLinked({ user, account }: { user: User; account: Account }): Promise<void> {
  if (!user.id) return;
  const userId = user.id;
  await runInActionContext(() => recordAccountLinked({ userId, provider: account.provider, providerAccountId: account.providerAccountId }));
}
