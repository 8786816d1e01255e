"use client";

import { useActionState, useEffect, type ReactNode } from "react";
import { toast } from "sonner";
import type { OrgFormState } from "@/components/organizations/run-form-action";
import { Button } from "@/components/ui/button";

type ActionFormProps = {
  action: (previous: OrgFormState, formData: FormData) => Promise<OrgFormState>;
  submitLabel: string;
  /** Hidden values the action needs, such as the organization's id. */
  hidden?: Record<string, string>;
  variant?: "primary" | "secondary" | "danger";
  disabledReason?: string;
  className?: string;
  /** Lets inputs elsewhere on the page (a table row) belong to this form through their `form` attribute. */
  id?: string;
  children?: ReactNode | ((state: OrgFormState) => ReactNode);
};

/** A form bound to a server action: errors inline, success as a toast. */
export function ActionForm({ action, submitLabel, hidden = {}, variant, disabledReason, className = "", id, children }: ActionFormProps) {
  const [state, formAction, pending] = useActionState<OrgFormState, FormData>(action, {});
  useEffect(() => {
    if (state.done) toast.success(state.done);
  }, [state]);
  // Forms whose fields render state themselves show field errors inline; for the others
  // (fields rendered on the server) the messages join the form's one alert.
  const inline = typeof children === "function";
  const problems = [state.error, ...(inline ? [] : (state.fieldErrors ?? []).map((e) => e.message))].filter(Boolean);
  return (
    <form id={id} action={formAction} noValidate className={className}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {typeof children === "function" ? children(state) : children}
      {problems.length > 0 ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {problems.join(" ")}
        </p>
      ) : null}
      <Button type="submit" variant={variant} disabled={pending || Boolean(disabledReason)} title={disabledReason}>
        {submitLabel}
      </Button>
    </form>
  );
}
