"use client";

import { ActionForm } from "@/components/forms/action-form";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { fieldError, type FormAction } from "@/lib/form-state";

/** A role the group may grant; `disabled` when it can do more than the person editing holds. */
export type GrantableRole = { name: string; description: string | null; disabled: boolean };

type GroupFormProps = {
  action: FormAction;
  hidden: Record<string, string>;
  submitLabel: string;
  roles: GrantableRole[];
  /** The group being edited; none for a new one. */
  group?: { name: string; description: string | null; roles: { name: string }[]; version: number };
  disabledReason?: string;
};

/** A group's name, description and the roles it grants, with each field's error beside it. */
export function GroupForm({ action, hidden, submitLabel, roles, group, disabledReason }: GroupFormProps) {
  const granted = new Set(group?.roles.map((role) => role.name));
  return (
    <ActionForm
      action={action}
      hidden={hidden}
      submitLabel={submitLabel}
      className="space-y-3"
      resetKey={group?.version}
      disabledReason={disabledReason}
    >
      {(state) => (
        <>
          <TextField label="Group name" name="name" defaultValue={group?.name} required maxLength={256} error={fieldError(state, "name")} />
          <TextAreaField
            label="Description"
            name="description"
            defaultValue={group?.description ?? ""}
            rows={2}
            error={fieldError(state, "description")}
          />
          <fieldset className="space-y-1" aria-describedby={fieldError(state, "roles") ? "group-roles-error" : undefined}>
            <legend className="text-sm font-medium">Roles the group grants its members</legend>
            {roles.map((role) => (
              <label key={role.name} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="roles" value={role.name} defaultChecked={granted.has(role.name)} disabled={role.disabled} />
                {role.name}
                {role.description ? <span className="text-muted">– {role.description}</span> : null}
              </label>
            ))}
            {fieldError(state, "roles") ? (
              <p id="group-roles-error" className="text-sm text-red-600 dark:text-red-400">
                {fieldError(state, "roles")}
              </p>
            ) : null}
          </fieldset>
        </>
      )}
    </ActionForm>
  );
}

/** Puts someone in the group by the address of their account. */
export function GroupMemberForm({ action, hidden }: { action: FormAction; hidden: Record<string, string> }) {
  return (
    <ActionForm action={action} hidden={hidden} submitLabel="Add to group" className="space-y-3">
      {(state) => <TextField label="Member's email address" name="email" type="email" required error={fieldError(state, "email")} />}
    </ActionForm>
  );
}
