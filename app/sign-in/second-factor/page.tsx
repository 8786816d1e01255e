import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { PasskeySignIn } from "@/components/auth/passkey-sign-in";
import { SecondFactorForm } from "@/components/auth/second-factor-form";
import { getSessionActor } from "@/lib/session/auth";
import { readPendingSignInCookie } from "@/lib/session/pending-sign-in-cookie";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { findPendingSignIn } from "@/lib/services/auth/pending-sign-in";
import { hasPasskeyFactor } from "@/lib/services/mfa/find-factors";
import {
  completePasskeySecondFactorAction,
  secondFactorSignInAction,
  startPasskeySecondFactorAction,
} from "@/app/sign-in/second-factor/actions";
import { signInAgainPath } from "@/app/sign-in/sign-in-paths";

export const metadata: Metadata = { title: "Two-factor authentication" };

type SecondFactorPageProps = { searchParams: Promise<{ callbackUrl?: string }> };

/**
 * The second step of signing in, reached only with a live pending sign-in in this
 * browser's cookie. Other ways to finish (a passkey) go in `otherMethods`.
 */
export default async function SecondFactorPage({ searchParams }: SecondFactorPageProps) {
  const callbackUrl = safeRedirectPath((await searchParams).callbackUrl);
  if (await getSessionActor()) redirect(callbackUrl);
  const secret = await readPendingSignInCookie();
  const pending = secret ? await findPendingSignIn(secret, "browser") : null;
  if (!pending?.userId) redirect(signInAgainPath(callbackUrl));
  const hasPasskey = await hasPasskeyFactor(pending.userId);
  return (
    <AuthCard title="Two-factor authentication">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">The first step worked. Now prove it is you with your second factor.</p>
      <SecondFactorForm
        submit={secondFactorSignInAction}
        callbackUrl={callbackUrl}
        otherMethods={
          hasPasskey ? (
            <PasskeySignIn
              label="Use a passkey"
              start={startPasskeySecondFactorAction}
              complete={completePasskeySecondFactorAction}
              callbackUrl={callbackUrl}
            />
          ) : null
        }
      />
      <p className="text-sm">
        <Link href={`/sign-in?${new URLSearchParams({ callbackUrl })}`} className="text-link underline">
          Start again
        </Link>
      </p>
    </AuthCard>
  );
}
