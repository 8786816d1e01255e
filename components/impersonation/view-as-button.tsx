"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { StepUpDialog } from "@/components/auth/step-up-dialog";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { FormState, StepUpCheck } from "@/lib/form-state";

type ViewAsButtonProps = {
  /** The server action with the user bound by the page; on success it moves the browser into the user's view. */
  action: () => Promise<FormState>;
  email: string;
  minutes: number;
};

/**
 * "View as" on a user's page: asks first, then for a fresh confirmation of who the
 * administrator is (step-up) when the server wants one, and tries again once given.
 */
export function ViewAsButton({ action, email, minutes }: ViewAsButtonProps) {
  const [pending, startTransition] = useTransition();
  const [stepUp, setStepUp] = useState<StepUpCheck | null>(null);
  const run = () =>
    startTransition(async () => {
      // A success redirects, so an answer is always a refusal or a request to confirm.
      const result = await action();
      if (!result) return;
      if (result.stepUp) return setStepUp(result.stepUp);
      const problem = result.error ?? result.fieldErrors?.[0]?.message;
      if (problem) toast.error(problem);
    });
  return (
    <>
      <ConfirmDialog
        trigger={
          <Button variant="secondary" disabled={pending}>
            View as
          </Button>
        }
        title={`View as ${email}?`}
        description={`You see the app as they do for up to ${minutes} minutes, without access to their password, second factors, sessions or tokens. Every request is recorded under both your names, and they can see that you looked.`}
        confirmLabel="View as"
        onConfirm={run}
      />
      {stepUp ? (
        <StepUpDialog
          check={stepUp}
          onConfirmed={() => {
            setStepUp(null);
            run();
          }}
          onCancel={() => setStepUp(null)}
        />
      ) : null}
    </>
  );
}
