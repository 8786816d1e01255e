"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { asList } from "@/lib/actions/form-data";
import { formAction } from "@/lib/actions/server-action";
import { idField } from "@/lib/schemas/fields";
import { roleCreateSchema } from "@/lib/schemas/organization";
import { createRole } from "@/lib/services/organization-roles/create-role";
import { deleteRole } from "@/lib/services/organization-roles/delete-role";
import { updateRole } from "@/lib/services/organization-roles/update-role";

const permissions = z.preprocess(asList, roleCreateSchema.shape.permissions);
const roleForm = z.object({ organizationId: idField, roleId: idField });

export const createRoleAction = formAction(
  { action: "roles.create", schema: z.object({ organizationId: idField, name: roleCreateSchema.shape.name, permissions }) },
  async ({ actor, input: { organizationId, ...data } }) => {
    await createRole({ actor, organizationId, data });
    revalidatePath("/orgs", "layout");
    return { success: `The role ${data.name} was created.` };
  },
);

export const updateRolePermissionsAction = formAction(
  { action: "roles.update", schema: roleForm.extend({ permissions }) },
  async ({ actor, input: { organizationId, roleId, permissions } }) => {
    await updateRole({ actor, organizationId, roleId, data: { permissions } });
    revalidatePath("/orgs", "layout");
    return { success: "The role's permissions were saved." };
  },
);

export const deleteRoleAction = formAction({ action: "roles.delete", schema: roleForm }, async ({ actor, input }) => {
  await deleteRole({ actor, ...input });
  revalidatePath("/orgs", "layout");
  return { success: "The role was deleted." };
});
