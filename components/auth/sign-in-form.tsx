"use client";

import { ActionForm } from "@/components/forms/action-form";
import { EmailField, PasswordField } from "@/components/auth/credential-fields";
import type { FormAction } from "@/lib/form-state";

export function SignInForm({ submit, callbackUrl }: { submit: FormAction; callbackUrl?: string }) {
  return (
    <ActionForm
      action={submit}
      submitLabel="Sign in"
      pendingLabel="Signing in…"
      hidden={callbackUrl ? { callbackUrl } : {}}
      className="space-y-4"
      submitClassName="w-full"
    >
      {(state) => (
        <>
          <EmailField state={state} />
          <PasswordField state={state} label="Password" purpose="current" />
        </>
      )}
    </ActionForm>
  );
}
