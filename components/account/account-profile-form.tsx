"use client";

import { ActionForm } from "@/components/forms/action-form";
import { ProfileFields } from "@/components/users/profile-fields";
import type { FormAction } from "@/lib/form-state";
import type { ProfileField } from "@/lib/schemas/profile";
import type { UserPublic } from "@/lib/schemas/user";

type AccountProfileFormProps = {
  submit: FormAction;
  user: UserPublic;
  /** What the installation lets people change themselves (PROFILE_SELF_EDITABLE). */
  editable: readonly ProfileField[];
};

/** The person's own display name and the profile fields they may change; the others are shown, not sent. */
export function AccountProfileForm({ submit, user, editable }: AccountProfileFormProps) {
  return (
    <ActionForm resetKey={user.updatedAt} action={submit} submitLabel="Save profile" pendingLabel="Saving…" className="space-y-4">
      {(state) => <ProfileFields user={user} state={state} editable={editable} />}
    </ActionForm>
  );
}
