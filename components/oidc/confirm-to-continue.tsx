"use client";

import { useState } from "react";
import { StepUpDialog } from "@/components/auth/step-up-dialog";
import { Button } from "@/components/ui/button";
import type { StepUpCheck } from "@/lib/form-state";

/**
 * Asks the person to confirm who they are (password, a code, or a passkey) with the
 * app's own confirmation dialog; once confirmed, the application's sign-in goes on.
 */
export function ConfirmToContinue({ uid, check }: { uid: string; check: StepUpCheck }) {
  const [open, setOpen] = useState(true);
  return (
    <>
      <Button type="button" onClick={() => setOpen(true)}>
        Confirm it&apos;s you
      </Button>
      {open ? (
        <StepUpDialog
          check={check}
          // A route handler, not a page: the browser itself must go there, to follow its redirects back to the application.
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination
          onConfirmed={() => window.location.assign(`/interaction/${uid}`)}
          onCancel={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
