import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PasskeySignIn } from "@/components/auth/passkey-sign-in";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoSignIn } from "@/components/auth/sso-sign-in";
import { getSessionActor } from "@/lib/session/auth";
import { singleSignOn } from "@/lib/session/single-sign-on";
import { config } from "@/lib/config";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { signInAction, signInWithSsoAction } from "@/app/sign-in/actions";
import { completePasskeySignInAction, startPasskeySignInAction } from "@/app/sign-in/passkey-actions";

export const metadata: Metadata = { title: "Sign in" };

type SignInPageProps = { searchParams: Promise<{ callbackUrl?: string; error?: string; reason?: string }> };

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const { callbackUrl: requestedUrl, error, reason } = await searchParams;
  const callbackUrl = safeRedirectPath(requestedUrl);
  const sso = singleSignOn();
  if (await getSessionActor()) redirect(callbackUrl);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-zinc-200 bg-white p-8 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <h1 className="text-2xl font-semibold">Sign in</h1>
        {reason === "expired" ? (
          <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 dark:bg-amber-950 dark:text-amber-300">
            Your sign-in took too long, was already finished, or had too many wrong codes. Sign in again.
          </p>
        ) : null}
        <SignInForm submit={signInAction} callbackUrl={callbackUrl} />
        <PasskeySignIn
          label="Sign in with a passkey"
          start={startPasskeySignInAction}
          complete={completePasskeySignInAction}
          callbackUrl={callbackUrl}
        />
        {sso ? <SsoSignIn submit={signInWithSsoAction} provider={sso.name} callbackUrl={callbackUrl} error={error} /> : null}
        <p className="text-sm">
          <Link href="/forgot-password" className="text-link underline">
            Forgot your password?
          </Link>
        </p>
        {config().SIGN_UP_ENABLED ? (
          <p className="text-sm">
            New here?{" "}
            <Link href="/sign-up" className="text-link underline">
              Create an account
            </Link>
          </p>
        ) : null}
      </div>
    </main>
  );
}
