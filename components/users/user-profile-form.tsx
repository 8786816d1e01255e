"use client";

import { ActionForm } from "@/components/forms/action-form";
import { SelectField } from "@/components/ui/select-field";
import type { GlobalRole } from "@/lib/auth/roles";
import { fieldError, type FormAction } from "@/lib/form-state";
import type { ProfileField } from "@/lib/schemas/profile";
import type { ManagedUser } from "@/lib/schemas/user";
import { ProfileFields } from "@/components/users/profile-fields";

/** Name, profile, role and status; sends the version it was shown so a concurrent change is not overwritten. */
type UserProfileFormProps = {
  submit: FormAction;
  user: ManagedUser;
  roles: GlobalRole[];
  /** Every profile field, for an administrator; handed in so the schemas stay out of the browser's bundle. */
  profileFields: readonly ProfileField[];
};

export function UserProfileForm({ submit, user, roles, profileFields }: UserProfileFormProps) {
  const roleOptions = roles.includes(user.role) ? roles : [user.role, ...roles];
  // A role is sent only when it changes: changing one is a confirmed action, a rename is not,
  // and an unchanged select must not overwrite a role someone else set meanwhile.
  const leaveOutUnchangedRole = (formData: FormData) => {
    if (formData.get("role") === user.role) formData.delete("role");
  };
  return (
    <ActionForm
      resetKey={user.version}
      action={submit}
      submitLabel="Save changes"
      pendingLabel="Saving…"
      hidden={{ userId: user.id, version: String(user.version) }}
      prepare={leaveOutUnchangedRole}
      className="space-y-4"
    >
      {(state) => (
        <>
          <ProfileFields user={user} state={state} editable={profileFields} />
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
        </>
      )}
    </ActionForm>
  );
}
