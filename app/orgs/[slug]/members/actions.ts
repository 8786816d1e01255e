"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormAction, type OrgFormState } from "@/components/organizations/run-form-action";
import { memberAddSchema, memberUpdateSchema } from "@/lib/schemas/organization";
import { addMember } from "@/lib/services/organizations/add-member";
import { removeMember } from "@/lib/services/organizations/remove-member";
import { updateMember } from "@/lib/services/organizations/update-member";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export async function addMemberAction(_previous: OrgFormState, formData: FormData): Promise<OrgFormState> {
  const values = { email: field(formData, "email"), role: field(formData, "role") };
  return runFormAction(async (actor) => {
    const result = await addMember({ actor, organizationId: field(formData, "organizationId"), data: memberAddSchema.parse(values) });
    revalidatePath("/orgs", "layout");
    return result.outcome === "added" ? `${values.email} was added.` : `An invitation was sent to ${values.email}; they join once they accept it.`;
  }, values);
}

export async function changeMemberRoleAction(_previous: OrgFormState, formData: FormData): Promise<OrgFormState> {
  return runFormAction(async (actor) => {
    await updateMember({
      actor,
      organizationId: field(formData, "organizationId"),
      userId: field(formData, "userId"),
      data: memberUpdateSchema.parse({ role: field(formData, "role") }),
    });
    revalidatePath("/orgs", "layout");
    return "The role was changed.";
  });
}

export async function removeMemberAction(_previous: OrgFormState, formData: FormData): Promise<OrgFormState> {
  let left = false;
  const state = await runFormAction(async (actor) => {
    const userId = field(formData, "userId");
    await removeMember({ actor, organizationId: field(formData, "organizationId"), userId });
    revalidatePath("/orgs", "layout");
    left = userId === actor.userId;
    return "The member was removed.";
  });
  // Whoever leaves can no longer see the organization's pages.
  if (left) redirect("/orgs");
  return state;
}
