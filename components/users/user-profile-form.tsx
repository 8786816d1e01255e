"use client";

import { useActionState, useEffect } from "react";
import { toast } from "sonner";
import { fieldError, type FormAction, type FormState } from "@/lib/actions/form-state";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { GlobalRole } from "@/lib/auth/roles";
import type { ManagedUser } from "@/lib/schemas/user";
import { useStepUp } from "@/components/auth/step-up-dialog";

/** Name, role and status; sends the version it was shown so a concurrent change is not overwritten. */
type ProfileState = FormState & { saved?: number };
type UserProfileFormProps = { submit: FormAction<ProfileState>; user: ManagedUser; roles: GlobalRole[] };

export function UserProfileForm({ submit, user, roles }: UserProfileFormProps) {
  const [state, action, pending] = useActionState<ProfileState, FormData>(submit, {});
  const stepUp = useStepUp(state, action);
  useEffect(() => {
    if (state.saved) toast.success("Saved.");
  }, [state.saved]);
  const roleOptions = roles.includes(user.role) ? roles : [user.role, ...roles];

  return (
    <>
      <form action={stepUp.submit} noValidate className="space-y-4" key={user.version}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        {state.error ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
            {state.error}
          </p>
        ) : null}
        <TextField label="Name" name="name" defaultValue={state.values?.name ?? user.name ?? ""} error={fieldError(state, "name")} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Role"
            name="role"
            defaultValue={state.values?.role ?? user.role}
            options={roleOptions.map((role) => ({ value: role, label: role }))}
            error={fieldError(state, "role")}
          />
          <SelectField
            label="Status"
            name="status"
            defaultValue={state.values?.status ?? user.status}
            options={[
              { value: "active", label: "active" },
              { value: "disabled", label: "disabled" },
            ]}
            error={fieldError(state, "status")}
          />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save changes"}
        </Button>
      </form>
      {stepUp.dialog}
    </>
  );
}
