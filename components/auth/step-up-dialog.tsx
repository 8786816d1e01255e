"use client";

import {
  createContext,
  startTransition,
  useActionState,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { StepUpPasskey, type StartPasskeyConfirmation } from "@/components/auth/step-up-passkey";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { controlClass, Field } from "@/components/ui/field";
import { fieldError, type FormAction, type FormState, type StepUpCheck } from "@/lib/form-state";

type StepUpActions = {
  /** Checks one proof: the password, a code, or a passkey's answer. */
  confirm: FormAction;
  /** Starts a passkey's confirmation for this session. */
  startPasskey: StartPasskeyConfirmation;
};

/** The actions that confirm who someone is; the root layout provides them, so every form can ask. */
const ConfirmActions = createContext<StepUpActions | null>(null);

export function StepUpProvider({ children, ...actions }: StepUpActions & { children: ReactNode }) {
  return <ConfirmActions.Provider value={actions}>{children}</ConfirmActions.Provider>;
}

const reload = { error: "Reload the page and try again." };
const unavailable: StepUpActions = { confirm: async () => reload, startPasskey: async () => reload };

type StepUpDialogProps = { check: StepUpCheck; onConfirmed: () => void; onCancel: () => void };

/**
 * Asks for the password, or a code or a passkey for accounts with a second factor, when a
 * sensitive action needs a fresh confirmation; once confirmed, the form sends the action again.
 */
export function StepUpDialog({ check, onConfirmed, onCancel }: StepUpDialogProps) {
  const { confirm, startPasskey } = useContext(ConfirmActions) ?? unavailable;
  const [state, action, pending] = useActionState(confirm, {});
  const [withRecoveryCode, setWithRecoveryCode] = useState(false);
  useEffect(() => {
    if (state.success) onConfirmed();
  }, [state, onConfirmed]);

  const field =
    check === "password"
      ? { name: "password", label: "Your password", type: "password", autoComplete: "current-password" }
      : withRecoveryCode
        ? { name: "recoveryCode", label: "A recovery code", type: "text", autoComplete: "off" }
        : {
            name: "otp",
            label: "Code from your authenticator app",
            type: "text",
            autoComplete: "one-time-code",
            inputMode: "numeric" as const,
          };
  const { label, ...input } = field;
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onCancel())}
      trigger={<span hidden />}
      title="Confirm it's you"
      description="This change is sensitive. Confirm who you are to continue; it counts for a few minutes."
    >
      <form action={action} noValidate className="space-y-3">
        <Field id={`step-up-${field.name}`} label={label} error={fieldError(state, field.name) ?? state.error}>
          {(control) => <input {...control} key={field.name} className={controlClass} autoFocus {...input} />}
        </Field>
        {check === "second_factor" ? (
          <button type="button" className="text-sm underline" onClick={() => setWithRecoveryCode(!withRecoveryCode)}>
            {withRecoveryCode ? "Use a code from your app" : "Use a recovery code instead"}
          </button>
        ) : null}
        {check === "second_factor" ? (
          <StepUpPasskey
            start={startPasskey}
            answer={action}
            refusal={fieldError(state, "passkeyResponse") ?? fieldError(state, "passkeyChallenge")}
            disabled={pending}
          />
        ) : null}
        <div className="flex gap-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Checking…" : "Confirm"}
          </Button>
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * What a form needs to survive a sensitive action's request for confirmation: its submit
 * handler remembers the submission, and `dialog` (rendered next to the form) asks for the
 * confirmation and then sends that same submission again, so nothing typed is lost.
 */
export function useStepUp(state: FormState, dispatch: (formData: FormData) => void) {
  const lastSubmission = useRef<FormData | null>(null);
  const [answered, setAnswered] = useState<FormState | null>(null);
  const submit = (formData: FormData) => {
    lastSubmission.current = formData;
    dispatch(formData);
  };
  const resend = useCallback(() => {
    setAnswered(state);
    const formData = lastSubmission.current;
    if (formData) startTransition(() => dispatch(formData));
  }, [state, dispatch]);
  const dialog =
    state.stepUp && answered !== state ? (
      <StepUpDialog check={state.stepUp} onConfirmed={resend} onCancel={() => setAnswered(state)} />
    ) : null;
  return { submit, dialog };
}
