"use client";

import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/text-field";
import { fieldError, type FormAction } from "@/lib/actions/form-state";

/**
 * Removes one passkey. Removing the last second factor needs the current password: the
 * server says so on the first try, and only then does the password field appear.
 */
export function PasskeyRemoveForm({ action, passkey }: { action: FormAction; passkey: { id: string; name: string } }) {
  return (
    <ActionForm
      action={action}
      hidden={{ passkeyId: passkey.id }}
      variant="secondary"
      submitLabel="Remove"
      submitDescription={`Remove passkey ${passkey.name}`}
      className="flex flex-col items-end gap-2"
    >
      {(state) =>
        fieldError(state, "password") ? (
          <TextField
            label="Current password"
            name="removalPassword"
            type="password"
            autoComplete="current-password"
            error={fieldError(state, "password")}
          />
        ) : null
      }
    </ActionForm>
  );
}
