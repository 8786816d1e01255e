"use client";

import { useActionState } from "react";
import { useStepUp } from "@/components/auth/step-up-dialog";
import { CopyButton } from "@/components/account/copy-button";
import { RecoveryCodes } from "@/components/account/recovery-codes";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { fieldError, type FormAction, type FormState } from "@/lib/form-state";

type StartState = FormState & { enrolment?: { secret: string; qrCode: string } };
type ConfirmState = FormState & { recoveryCodes?: string[] };

type TotpEnrolmentProps = {
  start: FormAction<StartState>;
  confirm: FormAction<ConfirmState>;
  /** Whether an app may be added now; false once one is set up. */
  available: boolean;
};

/**
 * Adding an authenticator app: start (a QR code drawn on the server, and the secret as
 * text for apps that cannot scan), confirm with one code, then the recovery codes, once.
 * The page keeps this at one place in its tree, so the codes stay on screen when the
 * confirmation refreshes the page around them.
 */
export function TotpEnrolment({ start, confirm, available }: TotpEnrolmentProps) {
  const [started, startAction, starting] = useActionState<StartState, FormData>(start, {});
  const [confirmed, confirmAction, confirming] = useActionState<ConfirmState, FormData>(confirm, {});
  // Adding a way to sign in asks for a recent confirmation at each step.
  const startStepUp = useStepUp(started, startAction);
  const confirmStepUp = useStepUp(confirmed, confirmAction);

  if (confirmed.recoveryCodes) {
    return (
      <div className="space-y-2">
        <p className="text-sm font-medium">Your authenticator app is set up.</p>
        <RecoveryCodes codes={confirmed.recoveryCodes} />
      </div>
    );
  }
  if (!available) return null;
  if (!started.enrolment) {
    return (
      <>
        <form action={startStepUp.submit} className="space-y-2">
          <FormMessage state={started} />
          <Button type="submit" disabled={starting}>
            {starting ? "Starting…" : "Set up an authenticator app"}
          </Button>
        </form>
        {startStepUp.dialog}
      </>
    );
  }
  const { secret, qrCode } = started.enrolment;
  return (
    <div className="space-y-4">
      <p className="text-sm">Scan this code with your authenticator app, or type the key below into it.</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URI drawn on the server; nothing for next/image to optimise */}
      <img src={qrCode} alt="QR code for your authenticator app" width={192} height={192} className="rounded bg-white" />
      <div className="flex items-center gap-2 text-sm">
        <code data-testid="totp-secret" className="min-w-0 break-all rounded bg-zinc-100 px-2 py-1 dark:bg-zinc-800">
          {secret}
        </code>
        <CopyButton value={secret} label="Copy key" />
      </div>
      <form action={confirmStepUp.submit} noValidate className="max-w-sm space-y-4">
        <FormMessage state={confirmed} />
        <TextField
          label="Code from the app"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          error={fieldError(confirmed, "code")}
        />
        <Button type="submit" disabled={confirming}>
          {confirming ? "Checking…" : "Confirm"}
        </Button>
      </form>
      {confirmStepUp.dialog}
    </div>
  );
}
