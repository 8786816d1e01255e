"use client";

import { PasswordField } from "@/components/auth/credential-fields";
import { EmailedLinkForm } from "@/components/auth/emailed-link-form";
import type { FormAction } from "@/lib/form-state";

export function ResetPasswordForm({ submit, token }: { submit: FormAction; token: string }) {
  return (
    <EmailedLinkForm submit={submit} token={token} submitLabel="Set new password" pendingLabel="Saving…" signInLabel="Sign in">
      {(state) => <PasswordField state={state} label="New password" purpose="new" />}
    </EmailedLinkForm>
  );
}
