import "server-only";
import type { Account, Profile, User } from "next-auth";
import { ssoProviderId } from "@/lib/auth/single-sign-on";
import { runInActionContext } from "@/lib/http/action-context";
import { checkSsoSignIn } from "@/lib/services/auth/check-sso-sign-in";
import { openSsoSession } from "@/lib/services/auth/open-sso-session";
import { recordAccountLinked } from "@/lib/services/auth/record-account-linked";

type SignInParams = { user: User; account?: Account | null; profile?: Profile };

const isSso = (account?: Account | null): account is Account => account?.provider === ssoProviderId;

/** The `signIn` callback: lets password sign-ins through and sends refused SSO sign-ins back with a reason. */
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
  return refusal ? `/sign-in?error=${refusal}` : true;
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
