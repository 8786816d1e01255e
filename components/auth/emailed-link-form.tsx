"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import type { FormAction, FormState } from "@/lib/form-state";

type EmailedLinkFormProps = {
  submit: FormAction;
  /** The link's one-time token, sent back with the form. */
  token: string;
  submitLabel: string;
  pendingLabel: string;
  /** The way on to sign-in once the link has done its work. */
  signInLabel: string;
  children?: (state: FormState) => ReactNode;
};

/**
 * The form behind a link from an email (reset a password, confirm an address). A bad
 * token is the link's fault, not a field the person can fix, so it is the form's alert;
 * once it worked, the form makes way for its message and the way to sign in.
 */
export function EmailedLinkForm({ submit, token, submitLabel, pendingLabel, signInLabel, children }: EmailedLinkFormProps) {
  return (
    <ActionForm
      action={submit}
      submitLabel={submitLabel}
      pendingLabel={pendingLabel}
      success="replace"
      done={
        <Link href="/sign-in" className="text-sm text-link underline">
          {signInLabel}
        </Link>
      }
      hidden={{ token }}
      alertFields={["token"]}
      className="space-y-4"
      submitClassName="w-full"
    >
      {children ?? (() => null)}
    </ActionForm>
  );
}
