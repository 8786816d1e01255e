"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { asList } from "@/lib/actions/form-data";
import { formAction } from "@/lib/actions/server-action";
import { emailField, idField } from "@/lib/schemas/fields";
import { groupCreateSchema } from "@/lib/schemas/group";
import { slugField } from "@/lib/schemas/organization";
import { createGroup } from "@/lib/services/groups/create-group";
import { deleteGroup } from "@/lib/services/groups/delete-group";
import { addGroupMember, removeGroupMember } from "@/lib/services/groups/group-members";
import { updateGroup } from "@/lib/services/groups/update-group";

/** The fields of the group form: an emptied description clears it, and the ticked roles are a list. */
const groupFields = {
  name: groupCreateSchema.shape.name,
  description: z.preprocess((value) => (value === "" ? null : value), groupCreateSchema.shape.description),
  roles: z.preprocess(asList, groupCreateSchema.shape.roles.unwrap()),
};
const inOrganization = z.object({ organizationId: idField });
const inGroup = inOrganization.extend({ groupId: idField });

export const createGroupAction = formAction(
  { action: "groups.create", schema: inOrganization.extend(groupFields) },
  async ({ actor, input: { organizationId, ...data } }) => {
    await createGroup({ actor, organizationId, data });
    revalidatePath("/orgs", "layout");
    return { success: `The group ${data.name} was created.` };
  },
);

export const updateGroupAction = formAction(
  { action: "groups.update", schema: inGroup.extend(groupFields) },
  async ({ actor, input: { organizationId, groupId, ...data } }) => {
    await updateGroup({ actor, organizationId, groupId, data });
    revalidatePath("/orgs", "layout");
    return { success: "The group was saved." };
  },
);

export const deleteGroupAction = formAction(
  { action: "groups.delete", schema: inGroup.extend({ slug: slugField }) },
  async ({ actor, input: { organizationId, groupId, slug } }) => {
    await deleteGroup({ actor, organizationId, groupId });
    revalidatePath("/orgs", "layout");
    redirect(`/orgs/${slug}/groups`);
  },
);

export const addGroupMemberAction = formAction(
  { action: "groups.add-member", schema: inGroup.extend({ email: emailField }) },
  async ({ actor, input: { organizationId, groupId, email } }) => {
    await addGroupMember({ actor, organizationId, groupId, data: { email } });
    revalidatePath("/orgs", "layout");
    return { success: `${email} is in the group.` };
  },
);

export const removeGroupMemberAction = formAction(
  { action: "groups.remove-member", schema: inGroup.extend({ userId: idField }) },
  async ({ actor, input }) => {
    await removeGroupMember({ actor, ...input });
    revalidatePath("/orgs", "layout");
    return { success: "They are out of the group." };
  },
);
