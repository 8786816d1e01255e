"use client";

import { fieldError, type FormAction } from "@/lib/form-state";
import { ActionForm } from "@/components/forms/action-form";
import { PasswordField } from "@/components/auth/credential-fields";
import { TextField } from "@/components/ui/text-field";

export function InvitationSignUpForm({ submit, token, email }: { submit: FormAction; token: string; email: string }) {
  return (
    <ActionForm action={submit} hidden={{ token }} submitLabel="Create account and join" className="space-y-4">
      {(state) => (
        <>
          <p className="text-sm">
            Your account will use <strong>{email}</strong>.
          </p>
          <TextField
            label="Your name"
            name="name"
            autoComplete="name"
            required
            defaultValue={state.values?.name}
            error={fieldError(state, "name")}
          />
          <PasswordField state={state} label="Choose a password" purpose="new" />
        </>
      )}
    </ActionForm>
  );
}
