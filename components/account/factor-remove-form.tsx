"use client";

import { ActionForm } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/form-state";

type FactorRemoveFormProps = {
  remove: FormAction;
  factor: { id: string; name: string };
  /** The last factor turns the second step off, which the form says before it is removed. */
  isLast: boolean;
};

/** Removes one factor; the confirmation dialog asks for a code when the last check is not recent. */
export function FactorRemoveForm({ remove, factor, isLast }: FactorRemoveFormProps) {
  return (
    <ActionForm
      action={remove}
      submitLabel="Remove"
      pendingLabel="Removing…"
      submitDescription={`Remove ${factor.name}`}
      variant="danger"
      success="status"
      hidden={{ factorId: factor.id }}
      className="space-y-3"
    >
      {isLast ? (
        <p className="text-sm text-muted">This is your only second factor: removing it turns two-factor authentication off.</p>
      ) : null}
    </ActionForm>
  );
}
