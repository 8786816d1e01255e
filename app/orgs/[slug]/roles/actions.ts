"use server";

import { revalidatePath } from "next/cache";
import { runFormAction, type OrgFormState } from "@/components/organizations/run-form-action";
import { roleCreateSchema, roleUpdateSchema } from "@/lib/schemas/organization";
import { createRole } from "@/lib/services/organization-roles/create-role";
import { deleteRole } from "@/lib/services/organization-roles/delete-role";
import { updateRole } from "@/lib/services/organization-roles/update-role";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");
const checked = (formData: FormData) => formData.getAll("permissions").map(String);

export async function createRoleAction(_previous: OrgFormState, formData: FormData): Promise<OrgFormState> {
  const values = { name: field(formData, "name") };
  return runFormAction(async (actor) => {
    const data = roleCreateSchema.parse({ name: values.name, permissions: checked(formData) });
    await createRole({ actor, organizationId: field(formData, "organizationId"), data });
    revalidatePath("/orgs", "layout");
    return `The role ${data.name} was created.`;
  }, values);
}

export async function updateRolePermissionsAction(_previous: OrgFormState, formData: FormData): Promise<OrgFormState> {
  return runFormAction(async (actor) => {
    const data = roleUpdateSchema.parse({ permissions: checked(formData) });
    await updateRole({ actor, organizationId: field(formData, "organizationId"), roleId: field(formData, "roleId"), data });
    revalidatePath("/orgs", "layout");
    return "The role's permissions were saved.";
  });
}

export async function deleteRoleAction(_previous: OrgFormState, formData: FormData): Promise<OrgFormState> {
  return runFormAction(async (actor) => {
    await deleteRole({ actor, organizationId: field(formData, "organizationId"), roleId: field(formData, "roleId") });
    revalidatePath("/orgs", "layout");
    return "The role was deleted.";
  });
}
