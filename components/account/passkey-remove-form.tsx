"use client";

import { ActionForm } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/form-state";

type PasskeyRemoveFormProps = { action: FormAction; passkey: { id: string; name: string }; isLastFactor: boolean };

/** Removes one passkey; the confirmation dialog asks for a code when the last check is not recent. */
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
      {() =>
        isLastFactor ? (
          <p className="text-sm text-muted">This is your only second factor: removing it turns two-factor authentication off.</p>
        ) : null
      }
    </ActionForm>
  );
}
