"use client";

import { AttributeDefinitionFields } from "@/components/attributes/attribute-definition-fields";
import { ActionForm } from "@/components/forms/action-form";
import { fieldError, type FormAction, type FormState } from "@/lib/form-state";
import type { AttributePublic } from "@/lib/schemas/attributes";

type AttributeDefinitionsProps = {
  attributes: AttributePublic[];
  /** null for the installation's attributes. */
  organizationId: string | null;
  canManage: boolean;
  actions: { create: FormAction; update: FormAction; remove: FormAction };
};

const errorsOf = (state: FormState) =>
  Object.fromEntries(["key", "label", "type", "options", "unique"].map((field) => [field, fieldError(state, field)]));

const access = { none: "administrators only", read: "the user sees it", edit: "the user edits it" };

/** The definitions of a scope, each editable and removable in place, and the form to define one; the same for the installation and an organization. */
export function AttributeDefinitions({ attributes, organizationId, canManage, actions }: AttributeDefinitionsProps) {
  const hidden = organizationId ? { organizationId } : undefined;
  return (
    <div className="space-y-8">
      {attributes.length === 0 ? <p className="text-sm text-muted">No attributes are defined yet.</p> : null}
      <ul className="space-y-4">
        {attributes.map((attribute) => (
          <li key={attribute.id} className="space-y-3 rounded border border-zinc-200 p-4 dark:border-zinc-700">
            <h2 className="font-medium">
              {attribute.label} <code className="text-sm text-muted">{attribute.key}</code>
            </h2>
            <p className="text-sm text-muted">
              {attribute.type === "enum" ? `one of ${attribute.options.join(", ")}` : attribute.type}
              {attribute.required ? ", required" : ""}
              {attribute.unique ? ", unique" : ""}; {access[attribute.userAccess]}
            </p>
            {canManage ? (
              <details>
                <summary className="cursor-pointer text-sm text-link">Change or remove {attribute.label}</summary>
                <div className="mt-3 max-w-md space-y-4">
                  <ActionForm
                    action={actions.update}
                    hidden={{ ...hidden, key: attribute.key }}
                    submitLabel="Save attribute"
                    resetKey={attribute.version}
                    className="space-y-3"
                  >
                    {(state) => <AttributeDefinitionFields attribute={attribute} errors={errorsOf(state)} />}
                  </ActionForm>
                  <ActionForm
                    action={actions.remove}
                    hidden={{ ...hidden, key: attribute.key }}
                    submitLabel={`Remove ${attribute.label} and its values`}
                    variant="danger-outline"
                  />
                </div>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
      {canManage ? (
        <section aria-labelledby="new-attribute" className="max-w-md space-y-3">
          <h2 id="new-attribute" className="text-lg font-medium">
            Define an attribute
          </h2>
          <ActionForm action={actions.create} hidden={hidden} submitLabel="Define attribute" className="space-y-3">
            {(state) => <AttributeDefinitionFields errors={errorsOf(state)} />}
          </ActionForm>
        </section>
      ) : null}
    </div>
  );
}
