import { AttributeValuesForm } from "@/components/attributes/attribute-values-form";
import { UserPageSection } from "@/components/users/user-page-section";
import type { FormAction } from "@/lib/form-state";
import type { AttributePublic } from "@/lib/schemas/attributes";
import type { ManagedUser } from "@/lib/schemas/user";

type UserAttributesSectionProps = {
  submit: FormAction;
  user: ManagedUser;
  /** The installation's attribute definitions; an organization's own are kept on its member pages. */
  attributes: AttributePublic[];
};

/** The user page's panel of the installation's custom attributes, for an administrator who may change the user. */
export function UserAttributesSection({ submit, user, attributes }: UserAttributesSectionProps) {
  return (
    <UserPageSection title="Attributes">
      {attributes.length === 0 ? (
        <p className="text-sm text-muted">No attributes are defined for the installation.</p>
      ) : (
        <AttributeValuesForm
          submit={submit}
          hidden={{ userId: user.id, version: String(user.version) }}
          resetKey={user.version}
          attributes={attributes}
          values={user.attributes ?? {}}
        />
      )}
    </UserPageSection>
  );
}
