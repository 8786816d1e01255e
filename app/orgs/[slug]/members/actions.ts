"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { attributeInputs } from "@/lib/actions/form-data";
import { formAction } from "@/lib/actions/server-action";
import { idField } from "@/lib/schemas/fields";
import { memberAddSchema, memberUpdateSchema } from "@/lib/schemas/organization";
import { enterpriseUpdateSchema } from "@/lib/schemas/profile";
import { nestFormGroups } from "@/lib/schemas/profile-form";
import { updateMemberAttributes } from "@/lib/services/attributes/update-member-attributes";
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

// The organization's attributes as text inputs named `attributes.<key>`; a blank one clears its value.
const memberAttributesForm = z.preprocess(
  (form) => ({ ...(form as object), attributes: attributeInputs(form as Record<string, unknown>, "clear") }),
  memberForm.extend({ attributes: z.record(z.string(), z.string().nullable()) }),
);

export const updateMemberAttributesAction = formAction(
  { action: "member-attributes.update", schema: memberAttributesForm },
  async ({ actor, input: { organizationId, userId, attributes } }) => {
    await updateMemberAttributes({ actor, organizationId, userId, attributes, source: "text" });
    revalidatePath("/orgs", "layout");
    return { success: "Attributes saved." };
  },
);

export const removeMemberAction = formAction({ action: "members.remove", schema: memberForm }, async ({ actor, input }) => {
  await removeMember({ actor, ...input });
  revalidatePath("/orgs", "layout");
  // Whoever leaves can no longer see the organization's pages.
  if (input.userId === actor.userId) redirect("/orgs");
  return { success: "The member was removed." };
});
