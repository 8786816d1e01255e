import { ActionForm } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/form-state";

const refusals: Record<string, (provider: string) => string> = {
  sso_unverified_email: (provider) =>
    `An account with this email address already exists, and ${provider} has not confirmed that the address is yours, so the two cannot be linked. Confirm the address with ${provider}, or sign in with your password.`,
  sso_account_disabled: () => "This account is disabled. Ask an administrator.",
  sso_sign_up_disabled: () => "There is no account for this email address, and sign-up is turned off. Ask an administrator for an account.",
  sso_no_email: (provider) => `${provider} did not tell us your email address, so we cannot sign you in.`,
};

/** What a failed single sign-on tells the person; Auth.js's own error codes get the generic answer. */
export function ssoErrorMessage(error: string, provider: string): string {
  return refusals[error]?.(provider) ?? `Signing in with ${provider} did not work. Try again.`;
}

type SsoSignInProps = { submit: FormAction; provider: string; callbackUrl?: string; error?: string };

export function SsoSignIn({ submit, provider, callbackUrl, error }: SsoSignInProps) {
  return (
    <div className="space-y-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {ssoErrorMessage(error, provider)}
        </p>
      ) : null}
      <ActionForm
        action={submit}
        hidden={callbackUrl ? { callbackUrl } : {}}
        variant="secondary"
        submitLabel={`Sign in with ${provider}`}
        submitClassName="w-full"
      />
    </div>
  );
}
