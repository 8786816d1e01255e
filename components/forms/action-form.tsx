"use client";

import { useActionState, useEffect, type ReactNode } from "react";
import { toast } from "sonner";
import { useStepUp } from "@/components/auth/step-up-dialog";
import { Button } from "@/components/ui/button";
import type { FormAction, FormState } from "@/lib/actions/form-state";

type ActionFormProps = {
  action: FormAction;
  submitLabel: string;
  /** Names the button for screen readers when its label alone is ambiguous (one per row). */
  submitDescription?: string;
  submitClassName?: string;
  /** Hidden values the action needs, such as the organization's id. */
  hidden?: Record<string, string>;
  variant?: "primary" | "secondary" | "danger";
  disabledReason?: string;
  className?: string;
  /** Lets inputs elsewhere on the page (a table row) belong to this form through their `form` attribute. */
  id?: string;
  children?: ReactNode | ((state: FormState) => ReactNode);
};

/**
 * A form bound to a server action: errors inline, success as a toast. When the action is
 * sensitive and asks for a fresh confirmation, the confirmation dialog opens and, once
 * confirmed, the same submission is sent again, so nothing typed is lost.
 */
export function ActionForm(props: ActionFormProps) {
  const {
    action,
    submitLabel,
    submitDescription,
    submitClassName,
    hidden = {},
    variant,
    disabledReason,
    className = "",
    id,
    children,
  } = props;
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  useEffect(() => {
    if (state.success) toast.success(state.success);
  }, [state]);
  const stepUp = useStepUp(state, formAction);
  // Forms whose fields render state themselves show field errors inline; for the others
  // (fields rendered on the server) the messages join the form's one alert.
  const inline = typeof children === "function";
  const problems = [state.error, ...(inline ? [] : (state.fieldErrors ?? []).map((e) => e.message))].filter(Boolean);
  return (
    <>
      <form id={id} action={stepUp.submit} noValidate className={className}>
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {typeof children === "function" ? children(state) : children}
        {problems.length > 0 ? (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {problems.join(" ")}
          </p>
        ) : null}
        <Button
          type="submit"
          variant={variant}
          disabled={pending || Boolean(disabledReason)}
          title={disabledReason}
          aria-label={submitDescription}
          className={submitClassName}
        >
          {submitLabel}
        </Button>
      </form>
      {stepUp.dialog}
    </>
  );
}
