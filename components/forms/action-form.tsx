"use client";

import { useActionState, useEffect, type ReactNode } from "react";
import { toast } from "sonner";
import { useStepUp } from "@/components/auth/step-up-dialog";
import { FormMessage } from "@/components/forms/form-message";
import { Button, type ButtonVariant } from "@/components/ui/button";
import type { FormAction, FormState } from "@/lib/form-state";

type ActionFormProps<State extends FormState> = {
  action: FormAction<State>;
  submitLabel: string;
  /** The button's label while the action runs ("Saving…"); the submit label otherwise. */
  pendingLabel?: string;
  /** Names the button for screen readers when its label alone is ambiguous (one per row). */
  submitDescription?: string;
  submitClassName?: string;
  /** Hidden values the action needs, such as the organization's id. */
  hidden?: Record<string, string>;
  variant?: ButtonVariant;
  disabledReason?: string;
  className?: string;
  /** Lets inputs elsewhere on the page (a table row) belong to this form through their `form` attribute. */
  id?: string;
  /**
   * Where the action's success message goes: a toast (the default, for forms that stay in
   * use), a status line above the form, or in place of the form when its work is done
   * (sign-up, a reset link spent), followed by `done`.
   */
  success?: "toast" | "status" | "replace";
  done?: ReactNode;
  /** Above the form, from the action's answer: a secret shown once, new recovery codes. */
  header?: (state: State) => ReactNode;
  /** Field errors no input on this form can fix (a link's token): shown as the form's alert. */
  alertFields?: string[];
  /** Changing it renders the fields afresh, so their defaults show a record saved meanwhile (its version). */
  resetKey?: string | number;
  /** Adjusts what is sent, such as leaving out a select the person did not change. */
  prepare?: (formData: FormData) => void;
  children?: ReactNode | ((state: State) => ReactNode);
};

/**
 * The one form bound to a server action. Errors show inline (beside their fields when the
 * fields render the state, as the form's alert otherwise); success as the form asks. When
 * the action is sensitive and asks for a fresh confirmation, the confirmation dialog
 * opens and, once confirmed, the same submission is sent again, so nothing typed is lost.
 */
export function ActionForm<State extends FormState = FormState>(props: ActionFormProps<State>) {
  const { action, submitLabel, pendingLabel, submitDescription, submitClassName, hidden = {}, variant, disabledReason } = props;
  const { className = "", id, success = "toast", done, header, alertFields = [], resetKey, prepare, children } = props;
  const [state, formAction, pending] = useActionState<State, FormData>(action, {} as Awaited<State>);
  useEffect(() => {
    if (success === "toast" && state.success) toast.success(state.success);
  }, [state, success]);
  const stepUp = useStepUp(state, formAction);
  if (success === "replace" && state.success) {
    return (
      <div className="space-y-4">
        <FormMessage state={{ success: state.success }} />
        {done}
      </div>
    );
  }
  // Forms whose fields render the state show field errors beside them; for the others
  // (fields rendered on the server) the messages join the form's one alert.
  const inline = typeof children === "function";
  const fieldProblems = (state.fieldErrors ?? []).filter((error) => !inline || alertFields.includes(error.field));
  const alert = [state.error, ...fieldProblems.map((error) => error.message)].filter(Boolean).join(" ");
  const submit = (formData: FormData) => {
    prepare?.(formData);
    stepUp.submit(formData);
  };
  return (
    <>
      {header?.(state)}
      <form key={resetKey} id={id} action={submit} noValidate className={className}>
        <FormMessage state={{ error: alert || undefined, success: success === "status" ? state.success : undefined }} />
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {typeof children === "function" ? children(state) : children}
        <Button
          type="submit"
          variant={variant}
          disabled={pending || Boolean(disabledReason)}
          title={disabledReason}
          aria-label={submitDescription}
          className={submitClassName}
        >
          {pending && pendingLabel ? pendingLabel : submitLabel}
        </Button>
      </form>
      {stepUp.dialog}
    </>
  );
}
