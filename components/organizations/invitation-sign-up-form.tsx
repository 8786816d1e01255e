"use client";

import { signUpWithInvitationAction } from "@/app/invitations/[token]/actions";
import { fieldError } from "@/components/forms/form-state";
import { ActionForm } from "@/components/organizations/action-form";
import { TextField } from "@/components/ui/text-field";

export function InvitationSignUpForm({ token, email }: { token: string; email: string }) {
  return (
    <ActionForm action={signUpWithInvitationAction} hidden={{ token }} submitLabel="Create account and join" className="space-y-4">
      {(state) => (
        <>
          <p className="text-sm">
            Your account will use <strong>{email}</strong>.
          </p>
          <TextField label="Your name" name="name" autoComplete="name" required defaultValue={state.values?.name} error={fieldError(state, "name")} />
          <TextField label="Choose a password" name="password" type="password" autoComplete="new-password" required error={fieldError(state, "password")} />
        </>
      )}
    </ActionForm>
  );
}
