"use client";

import { EmailedLinkForm } from "@/components/auth/emailed-link-form";
import type { FormAction } from "@/lib/form-state";

/**
 * Confirming takes a click rather than happening on page load: mail scanners open links
 * on their own, and a link that worked on a mere visit would be spent before its owner came.
 */
export function VerifyEmailForm({ submit, token }: { submit: FormAction; token: string }) {
  return (
    <EmailedLinkForm
      submit={submit}
      token={token}
      submitLabel="Confirm my email address"
      pendingLabel="Confirming…"
      signInLabel="Continue to sign in"
    />
  );
}
