"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormAlerts } from "@/components/forms/form-alerts";
import { fieldError, type FormAction, type FormState } from "@/lib/actions/form-state";
import { Button } from "@/components/ui/button";

/**
 * Confirming takes a click rather than happening on page load: mail scanners open links
 * on their own, and a link that worked on a mere visit would be spent before its owner came.
 */
export function VerifyEmailForm({ submit, token }: { submit: FormAction; token: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(submit, {});
  if (state.success) {
    return (
      <div className="space-y-4">
        <FormAlerts state={state} />
        <Link href="/sign-in" className="text-sm text-link underline">
          Continue to sign in
        </Link>
      </div>
    );
  }
  // A bad token is the link's fault; it is the form's one alert.
  const linkProblem = fieldError(state, "token");
  return (
    <form action={action} className="space-y-4">
      <FormAlerts state={linkProblem ? { error: linkProblem } : state} />
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Confirming…" : "Confirm my email address"}
      </Button>
    </form>
  );
}
