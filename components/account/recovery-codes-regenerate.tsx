"use client";

import { useActionState } from "react";
import { RecoveryCodes } from "@/components/account/recovery-codes";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import type { FormAction, FormState } from "@/lib/actions/form-state";

type RegenerateState = FormState & { recoveryCodes?: string[] };

/** Replaces every recovery code with ten new ones, shown once; the old ones stop working. */
export function RecoveryCodesRegenerate({ regenerate }: { regenerate: FormAction<RegenerateState> }) {
  const [state, action, pending] = useActionState<RegenerateState, FormData>(regenerate, {});
  return (
    <div className="space-y-3">
      {state.recoveryCodes ? <RecoveryCodes codes={state.recoveryCodes} /> : null}
      <form action={action} className="space-y-2">
        <FormMessage state={state} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Making new codes…" : "Make new recovery codes"}
        </Button>
        <p className="text-sm text-muted">Your current recovery codes stop working.</p>
      </form>
    </div>
  );
}
