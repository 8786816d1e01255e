"use client";

import { useUserAction } from "@/components/users/use-user-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { FormState } from "@/lib/form-state";

type LifecycleButtonProps = {
  /** The server action with its user and lifecycle step bound by the page. */
  action: () => Promise<FormState>;
  label: string;
  confirm: string;
  destructive?: boolean;
};

/** One action on a user, behind a confirmation, with its result as a toast. */
export function UserLifecycleButton({ action, label, confirm, destructive }: LifecycleButtonProps) {
  const { run, pending, dialog } = useUserAction();
  return (
    <>
      <ConfirmDialog
        trigger={
          <Button variant={destructive ? "danger" : "secondary"} disabled={pending}>
            {label}
          </Button>
        }
        title={`${label}?`}
        description={confirm}
        confirmLabel={label}
        destructive={destructive}
        onConfirm={() => run(action)}
      />
      {dialog}
    </>
  );
}
