"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { toast } from "sonner";
import { fieldError, type FormAction, type FormState } from "@/lib/form-state";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { GlobalRole } from "@/lib/auth/roles";
import { useStepUp } from "@/components/auth/step-up-dialog";
import { AttributeValueFields } from "@/components/attributes/attribute-value-fields";
import type { AttributePublic } from "@/lib/schemas/attributes";

/** Creates a user with a password, or sends them an invitation to choose one. */
type CreateUserState = FormState & { createdId?: string };

type CreateUserDialogProps = {
  submit: FormAction<CreateUserState>;
  roles: GlobalRole[];
  /** The installation's attributes: the required ones must be filled in here. */
  attributes: AttributePublic[];
};

export function CreateUserDialog({ submit, roles, attributes }: CreateUserDialogProps) {
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<"password" | "invite">("invite");
  const router = useRouter();
  const [state, action, pending] = useActionState<CreateUserState, FormData>(async (previous, formData) => {
    const result = await submit(previous, formData);
    if (result.createdId) {
      toast.success(formData.get("mode") === "invite" ? "User created; the invitation is on its way." : "User created.");
      setOpen(false);
      // To the new user's page: the list may be filtered or searched so that it would not show them.
      router.push(`/admin/users/${result.createdId}`);
      return {};
    }
    return result;
  }, {});
  const stepUp = useStepUp(state, action);

  return (
    <Dialog open={open} onOpenChange={setOpen} title="Create user" trigger={<Button>Create user</Button>}>
      <form action={stepUp.submit} noValidate className="space-y-4">
        {state.error ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
            {state.error}
          </p>
        ) : null}
        <TextField label="Email" name="email" type="email" required defaultValue={state.values?.email} error={fieldError(state, "email")} />
        <TextField label="Name" name="name" defaultValue={state.values?.name} error={fieldError(state, "name")} />
        <SelectField
          label="Role"
          name="role"
          defaultValue={state.values?.role ?? "user"}
          options={roles.map((role) => ({ value: role, label: role }))}
          error={fieldError(state, "role")}
        />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Password</legend>
          {(["invite", "password"] as const).map((option) => (
            <label key={option} className="flex items-center gap-2 text-sm">
              <input type="radio" name="mode" value={option} checked={mode === option} onChange={() => setMode(option)} />
              {option === "invite" ? "Email an invitation to choose one" : "Set a password now"}
            </label>
          ))}
        </fieldset>
        {attributes.length > 0 ? (
          <fieldset className="space-y-4">
            <legend className="text-sm font-medium">Attributes</legend>
            <AttributeValueFields attributes={attributes} state={state} />
          </fieldset>
        ) : null}
        {mode === "password" ? (
          <TextField
            label="Initial password"
            name="password"
            type="password"
            autoComplete="new-password"
            error={fieldError(state, "password")}
          />
        ) : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create"}
          </Button>
        </div>
      </form>
      {stepUp.dialog}
    </Dialog>
  );
}
