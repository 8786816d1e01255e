"use client";

import { ActionForm } from "@/components/forms/action-form";
import { EmailField, PasswordField } from "@/components/auth/credential-fields";
import { TextField } from "@/components/ui/text-field";
import { fieldError, type FormAction } from "@/lib/form-state";

export function SignUpForm({ submit }: { submit: FormAction }) {
  return (
    <ActionForm
      action={submit}
      submitLabel="Create account"
      pendingLabel="Creating…"
      success="replace"
      className="space-y-4"
      submitClassName="w-full"
    >
      {(state) => (
        <>
          <TextField
            label="Name"
            name="name"
            autoComplete="name"
            required
            defaultValue={state.values?.name}
            error={fieldError(state, "name")}
          />
          <EmailField state={state} />
          <PasswordField state={state} label="Password" purpose="new" />
        </>
      )}
    </ActionForm>
  );
}
