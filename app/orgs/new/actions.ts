"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormAction, type OrgFormState } from "@/components/organizations/run-form-action";
import { organizationCreateSchema } from "@/lib/schemas/organization";
import { createOrganization } from "@/lib/services/organizations/create-organization";

export async function createOrganizationAction(_previous: OrgFormState, formData: FormData): Promise<OrgFormState> {
  const values = { name: String(formData.get("name") ?? ""), slug: String(formData.get("slug") ?? "") };
  let slug: string | undefined;
  const state = await runFormAction(async (actor) => {
    slug = (await createOrganization({ actor, data: organizationCreateSchema.parse(values) })).slug;
  }, values);
  // The header's organization switcher lives in the layout, which must learn of the new one.
  if (state.done && slug) {
    revalidatePath("/orgs", "layout");
    redirect(`/orgs/${slug}`);
  }
  return state;
}
