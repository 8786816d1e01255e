"use server";

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
  if (state.done && slug) redirect(`/orgs/${slug}`);
  return state;
}
