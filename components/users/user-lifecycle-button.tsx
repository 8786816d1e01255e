"use client";

import { userLifecycleAction, type LifecycleAction } from "@/app/admin/users/[id]/actions";
import { useUserAction } from "@/components/users/use-user-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

type LifecycleButtonProps = {
  userId: string;
  action: LifecycleAction;
  label: string;
  confirm: string;
  destructive?: boolean;
};

/** One action on a user, behind a confirmation, with its result as a toast. */
export function UserLifecycleButton({ userId, action, label, confirm, destructive }: LifecycleButtonProps) {
  const { run, pending } = useUserAction();
  return (
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
      onConfirm={() => run(() => userLifecycleAction(userId, action))}
    />
  );
}
