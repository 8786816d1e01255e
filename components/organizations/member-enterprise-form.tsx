"use client";

import { ActionForm } from "@/components/forms/action-form";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { fieldError, type FormAction } from "@/lib/form-state";
import type { EnterprisePublic } from "@/lib/schemas/profile";

const textFields = [
  ["employeeNumber", "Employee number"],
  ["costCenter", "Cost center"],
  ["organization", "Organization"],
  ["division", "Division"],
  ["department", "Department"],
] as const;

type MemberEnterpriseFormProps = {
  submit: FormAction;
  organizationId: string;
  userId: string;
  enterprise: EnterprisePublic;
  /** The organization's other members, who may be named as manager. */
  managers: { userId: string; label: string }[];
  /** Why the caller cannot change these, when it cannot. */
  disabledReason?: string;
};

/** A member's attributes in this organization (SCIM's enterprise extension), which its directory may also set. */
export function MemberEnterpriseForm({ submit, organizationId, userId, enterprise, managers, disabledReason }: MemberEnterpriseFormProps) {
  return (
    <ActionForm
      action={submit}
      hidden={{ organizationId, userId }}
      submitLabel="Save organization details"
      pendingLabel="Saving…"
      disabledReason={disabledReason}
      className="space-y-4"
    >
      {(state) => (
        <div className="grid gap-4 sm:grid-cols-2">
          {textFields.map(([name, label]) => (
            <TextField
              key={name}
              label={label}
              name={`enterprise.${name}`}
              defaultValue={state.values?.[`enterprise.${name}`] ?? enterprise[name] ?? ""}
              error={fieldError(state, `enterprise.${name}`)}
              disabled={Boolean(disabledReason)}
            />
          ))}
          <SelectField
            label="Manager"
            name="enterprise.managerId"
            defaultValue={state.values?.["enterprise.managerId"] ?? enterprise.managerId ?? ""}
            options={[{ value: "", label: "No manager" }, ...managers.map((manager) => ({ value: manager.userId, label: manager.label }))]}
            error={fieldError(state, "enterprise.managerId")}
            disabled={Boolean(disabledReason)}
          />
        </div>
      )}
    </ActionForm>
  );
}
