"use client";

import { useState } from "react";
import { useUserAction } from "@/components/users/use-user-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { CallAction } from "@/lib/form-state";
import type { GlobalRole } from "@/lib/auth/roles";
import { pluralize } from "@/lib/pluralize";

/** What the bulk action on the users page takes; the server checks it again. */
export type BulkInput =
  { userIds: string[]; action: "disable" | "enable" | "delete" } | { userIds: string[]; action: "role"; role: GlobalRole };
type BulkAction = BulkInput["action"];

type BulkActionsProps = { bulk: CallAction<BulkInput>; selected: string[]; assignableRoles: GlobalRole[]; onDone: () => void };

/** Actions on every selected row, each behind a confirmation. */
export function BulkActions({ bulk, selected, assignableRoles, onDone }: BulkActionsProps) {
  const { run, pending } = useUserAction();
  const [role, setRole] = useState<GlobalRole>(assignableRoles.at(-1) ?? "user");
  const count = selected.length;
  const confirm = (action: BulkAction, label: string, destructive = false) => (
    <ConfirmDialog
      trigger={
        <Button variant={destructive ? "danger" : "secondary"} disabled={pending}>
          {label}
        </Button>
      }
      title={`${label} ${pluralize(count, "user")}?`}
      description={destructive ? "Deleted users can be restored for a while, then only purged." : "This applies to every selected user."}
      confirmLabel={label}
      destructive={destructive}
      onConfirm={() => run(() => bulk(action === "role" ? { userIds: selected, action, role } : { userIds: selected, action }), onDone)}
    />
  );

  return (
    <div
      role="region"
      aria-label="Bulk actions"
      className="flex flex-wrap items-center gap-2 rounded-lg border border-indigo-200 bg-indigo-50 p-3 text-sm dark:border-indigo-900 dark:bg-indigo-950"
    >
      <span className="font-medium">{count} selected</span>
      {confirm("disable", "Disable")}
      {confirm("enable", "Enable")}
      {confirm("delete", "Delete", true)}
      <label htmlFor="bulk-role" className="sr-only">
        New role
      </label>
      <select
        id="bulk-role"
        value={role}
        onChange={(event) => setRole(event.target.value as GlobalRole)}
        className="rounded-md border border-zinc-300 bg-white px-2 py-2 dark:border-zinc-700 dark:bg-zinc-900"
      >
        {assignableRoles.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
      {confirm("role", "Change role")}
    </div>
  );
}
