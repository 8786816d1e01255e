import { AttributeValuesForm } from "@/components/attributes/attribute-values-form";
import type { FormAction } from "@/lib/form-state";
import type { AttributePublic, AttributeValues } from "@/lib/schemas/attributes";

type MemberAttributesSectionProps = {
  submit: FormAction;
  organizationId: string;
  userId: string;
  /** The organization's definitions this viewer may see: all for an administrator, the member's own for the member. */
  attributes: AttributePublic[];
  values: AttributeValues;
  /** An administrator changes every value; the member only those marked `edit`. */
  audience: "admin" | "user";
};

/** The member page's panel of the organization's custom attributes. */
export function MemberAttributesSection({ submit, organizationId, userId, attributes, values, audience }: MemberAttributesSectionProps) {
  if (attributes.length === 0) return null;
  return (
    <section aria-labelledby="member-attributes" className="max-w-2xl space-y-3">
      <h3 id="member-attributes" className="text-lg font-medium">
        Attributes
      </h3>
      <p className="text-sm text-muted">The organization&apos;s own attributes, defined by its owners.</p>
      <AttributeValuesForm
        submit={submit}
        hidden={{ organizationId, userId }}
        resetKey={JSON.stringify(values)}
        attributes={attributes}
        values={values}
        editableKeys={attributes.filter((attribute) => audience === "admin" || attribute.userAccess === "edit").map(({ key }) => key)}
      />
    </section>
  );
}
