"use client";

import type { BulkInput } from "@/components/users/bulk-actions";
import { useUserAction } from "@/components/users/use-user-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { CallAction } from "@/lib/form-state";
import type { ManagedUser } from "@/lib/schemas/user";

const small = "px-2 py-1 text-xs";

/** The quick actions of one row; the rest live on the user's page. */
export function UserRowActions({ user, bulk }: { user: ManagedUser; bulk: CallAction<BulkInput> }) {
  const { run, pending } = useUserAction();
  if (user.deletedAt) return null;
  const disabled = user.status === "disabled";
  return (
    <div className="flex justify-end gap-1">
      <ConfirmDialog
        trigger={
          <Button variant="secondary" className={small} disabled={pending} aria-label={`${disabled ? "Enable" : "Disable"} ${user.email}`}>
            {disabled ? "Enable" : "Disable"}
          </Button>
        }
        title={`${disabled ? "Enable" : "Disable"} ${user.email}?`}
        description={disabled ? "They can sign in again." : "They are signed out at once and cannot sign in until enabled."}
        confirmLabel={disabled ? "Enable" : "Disable"}
        onConfirm={() => run(() => bulk({ userIds: [user.id], action: disabled ? "enable" : "disable" }))}
      />
      <ConfirmDialog
        trigger={
          <Button variant="danger-outline" className={small} disabled={pending} aria-label={`Delete ${user.email}`}>
            Delete
          </Button>
        }
        title={`Delete ${user.email}?`}
        description="They are signed out and hidden from lists. You can restore them for a while."
        confirmLabel="Delete"
        destructive
        onConfirm={() => run(() => bulk({ userIds: [user.id], action: "delete" }))}
      />
    </div>
  );
}
