"use client";

import { ActionForm } from "@/components/forms/action-form";
import { EmailField } from "@/components/auth/credential-fields";
import type { FormAction } from "@/lib/form-state";

export function ForgotPasswordForm({ submit }: { submit: FormAction }) {
  return (
    <ActionForm
      action={submit}
      submitLabel="Send reset link"
      pendingLabel="Sending…"
      success="replace"
      className="space-y-4"
      submitClassName="w-full"
    >
      {(state) => <EmailField state={state} />}
    </ActionForm>
  );
}
