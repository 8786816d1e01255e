"use client";

import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/text-field";
import { fieldError, type FormAction } from "@/lib/actions/form-state";

type PasskeyRemoveFormProps = { action: FormAction; passkey: { id: string; name: string }; isLastFactor: boolean };

/**
 * Removes one passkey. The last second factor may go with the current password, so its
 * field is there from the start; otherwise the confirmation dialog asks for a code if needed.
 */
export function PasskeyRemoveForm({ action, passkey, isLastFactor }: PasskeyRemoveFormProps) {
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
        isLastFactor ? (
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
