"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormAction, type OrgFormState } from "@/components/organizations/run-form-action";
import { AppError } from "@/lib/errors";
import { organizationUpdateSchema } from "@/lib/schemas/organization";
import { deleteOrganization } from "@/lib/services/organizations/delete-organization";
import { getOrganization } from "@/lib/services/organizations/get-organization";
import { updateOrganization } from "@/lib/services/organizations/update-organization";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export async function updateOrganizationAction(_previous: OrgFormState, formData: FormData): Promise<OrgFormState> {
  const values = { name: field(formData, "name"), slug: field(formData, "slug") };
  let slug: string | undefined;
  const state = await runFormAction(async (actor) => {
    slug = (await updateOrganization({ actor, organizationId: field(formData, "organizationId"), data: organizationUpdateSchema.parse(values) })).slug;
  }, values);
  if (state.done && slug) {
    revalidatePath("/orgs", "layout");
    redirect(`/orgs/${slug}/settings`);
  }
  return state;
}

export async function deleteOrganizationAction(_previous: OrgFormState, formData: FormData): Promise<OrgFormState> {
  const state = await runFormAction(async (actor) => {
    const organizationId = field(formData, "organizationId");
    const { organization } = await getOrganization({ actor, organizationId });
    if (field(formData, "confirm") !== organization.name) {
      const message = `Type ${organization.name} to confirm.`;
      throw new AppError("validation_failed", message, { fieldErrors: [{ field: "confirm", message }] });
    }
    await deleteOrganization({ actor, organizationId });
  });
  if (state.done) {
    revalidatePath("/orgs", "layout");
    redirect("/orgs");
  }
  return state;
}
