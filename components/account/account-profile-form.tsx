"use client";

import { AttributeValueFields } from "@/components/attributes/attribute-value-fields";
import { ActionForm } from "@/components/forms/action-form";
import { ProfileFields } from "@/components/users/profile-fields";
import type { FormAction } from "@/lib/form-state";
import type { AttributePublic } from "@/lib/schemas/attributes";
import type { ProfileField } from "@/lib/schemas/profile";
import type { UserPublic } from "@/lib/schemas/user";

type AccountProfileFormProps = {
  submit: FormAction;
  user: UserPublic;
  /** What the installation lets people change themselves (PROFILE_SELF_EDITABLE). */
  editable: readonly ProfileField[];
  /** The installation's attributes the person sees; those marked `edit` are theirs to change. */
  attributes: AttributePublic[];
  /** A view as the person: everything is shown, nothing can be changed. */
  viewOnly: boolean;
};

/** The person's own display name and the profile fields they may change; the others are shown, not sent. */
export function AccountProfileForm({ submit, user, editable, attributes, viewOnly }: AccountProfileFormProps) {
  return (
    <ActionForm resetKey={user.updatedAt} action={submit} submitLabel="Save profile" pendingLabel="Saving…" className="space-y-4">
      {(state) => (
        <>
          <ProfileFields user={user} state={state} editable={viewOnly ? [] : editable} />
          {attributes.length > 0 ? (
            <div className="grid gap-4 sm:grid-cols-2">
              <AttributeValueFields
                attributes={attributes}
                values={user.attributes}
                state={state}
                editable={(attribute) => !viewOnly && attribute.userAccess === "edit"}
              />
            </div>
          ) : null}
        </>
      )}
    </ActionForm>
  );
}
