"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/server-action";
import { idField } from "@/lib/schemas/fields";
import { memberAddSchema, memberUpdateSchema } from "@/lib/schemas/organization";
import { enterpriseUpdateSchema } from "@/lib/schemas/profile";
import { nestFormGroups } from "@/lib/schemas/profile-form";
import { addMember } from "@/lib/services/organizations/add-member";
import { removeMember } from "@/lib/services/organizations/remove-member";
import { updateMember } from "@/lib/services/organizations/update-member";

const memberForm = z.object({ organizationId: idField, userId: idField });

export const addMemberAction = formAction(
  { action: "members.add", schema: memberAddSchema.strip().safeExtend({ organizationId: idField }) },
  async ({ actor, input: { organizationId, ...data } }) => {
    const result = await addMember({ actor, organizationId, data });
    revalidatePath("/orgs", "layout");
    return {
      success:
        result.outcome === "added" ? `${data.email} was added.` : `An invitation was sent to ${data.email}; they join once they accept it.`,
    };
  },
);

export const changeMemberRoleAction = formAction(
  { action: "members.update", schema: memberForm.extend(memberUpdateSchema.shape) },
  async ({ actor, input: { organizationId, userId, ...data } }) => {
    await updateMember({ actor, organizationId, userId, data });
    revalidatePath("/orgs", "layout");
    return { success: "The role was changed." };
  },
);

const memberEnterpriseForm = z.preprocess(
  (form) => nestFormGroups(form, ["enterprise"]),
  memberForm.extend({ enterprise: enterpriseUpdateSchema }),
);

export const updateMemberEnterpriseAction = formAction(
  { action: "members.update", schema: memberEnterpriseForm },
  async ({ actor, input: { organizationId, userId, enterprise } }) => {
    await updateMember({ actor, organizationId, userId, data: { enterprise } });
    revalidatePath("/orgs", "layout");
    return { success: "Saved." };
  },
);

export const removeMemberAction = formAction({ action: "members.remove", schema: memberForm }, async ({ actor, input }) => {
  await removeMember({ actor, ...input });
  revalidatePath("/orgs", "layout");
  // Whoever leaves can no longer see the organization's pages.
  if (input.userId === actor.userId) redirect("/orgs");
  return { success: "The member was removed." };
});
