"use client";

import { RecoveryCodes } from "@/components/account/recovery-codes";
import { ActionForm } from "@/components/forms/action-form";
import type { FormAction, FormState } from "@/lib/form-state";

type RegenerateState = FormState & { recoveryCodes?: string[] };

/** Replaces every recovery code with ten new ones, shown once; the old ones stop working. */
export function RecoveryCodesRegenerate({ regenerate }: { regenerate: FormAction<RegenerateState> }) {
  return (
    <div className="space-y-3">
      <ActionForm
        action={regenerate}
        submitLabel="Make new recovery codes"
        pendingLabel="Making new codes…"
        variant="secondary"
        success="status"
        header={(state) => (state.recoveryCodes ? <RecoveryCodes codes={state.recoveryCodes} /> : null)}
        className="space-y-2"
      >
        <p className="text-sm text-muted">Your current recovery codes stop working.</p>
      </ActionForm>
    </div>
  );
}
