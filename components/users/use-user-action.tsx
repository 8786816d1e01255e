"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { StepUpDialog } from "@/components/auth/step-up-dialog";
import type { FormState, StepUpCheck } from "@/lib/form-state";

type PendingStepUp = { check: StepUpCheck; retry: () => void };

/**
 * Runs a server action, toasts its result and refreshes the page's data. A sensitive
 * action that asks for a fresh confirmation opens `dialog` (render it next to the
 * trigger) and runs again once the person has confirmed.
 */
export function useUserAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [stepUp, setStepUp] = useState<PendingStepUp | null>(null);
  const run = (action: () => Promise<FormState>, onDone?: () => void) =>
    startTransition(async () => {
      try {
        const result = await action();
        const check = result.stepUp;
        if (check) {
          setStepUp({ check, retry: () => (setStepUp(null), run(action, onDone)) });
          return;
        }
        const problem = result.error ?? result.fieldErrors?.[0]?.message;
        if (problem) toast.error(problem);
        else if (result.success) toast.success(result.success);
      } catch {
        toast.error("Something went wrong; try again.");
      }
      onDone?.();
      router.refresh();
    });
  const dialog = stepUp ? <StepUpDialog check={stepUp.check} onConfirmed={stepUp.retry} onCancel={() => setStepUp(null)} /> : null;
  return { run, pending, dialog };
}
