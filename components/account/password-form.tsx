"use client";

import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/text-field";
import { fieldError, type FormAction } from "@/lib/form-state";

export function PasswordForm({ submit }: { submit: FormAction }) {
  return (
    <ActionForm action={submit} submitLabel="Change password" pendingLabel="Changing…" success="status" className="max-w-sm space-y-4">
      {(state) => (
        <>
          <TextField
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            error={fieldError(state, "currentPassword")}
          />
          <TextField
            label="New password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            error={fieldError(state, "newPassword")}
          />
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="revokeTokens" defaultChecked className="mt-1" />
            <span>Also revoke my personal access tokens (whoever knew the old password may have made one)</span>
          </label>
        </>
      )}
    </ActionForm>
  );
}
