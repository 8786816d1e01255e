"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/server-action";
import { organizationCreateSchema } from "@/lib/schemas/organization";
import { createOrganization } from "@/lib/services/organizations/create-organization";

export const createOrganizationAction = formAction(
  { action: "organizations.create", schema: organizationCreateSchema.strip() },
  async ({ actor, input }) => {
    const { slug } = await createOrganization({ actor, data: input });
    // The header's organization switcher lives in the layout, which must learn of the new one.
    revalidatePath("/orgs", "layout");
    redirect(`/orgs/${slug}`);
  },
);
