"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/server-action";
import { AppError } from "@/lib/errors";
import { blankAsMissing } from "@/lib/actions/form-data";
import { idField } from "@/lib/schemas/fields";
import { organizationUpdateSchema } from "@/lib/schemas/organization";
import { organizationDomainCreateSchema } from "@/lib/schemas/organization-domain";
import { scimTokenCreateSchema } from "@/lib/schemas/scim-token";
import { createScimToken } from "@/lib/services/scim-tokens/create-scim-token";
import { revokeScimToken } from "@/lib/services/scim-tokens/revoke-scim-token";
import { addOrganizationDomain } from "@/lib/services/organization-domains/add-organization-domain";
import { removeOrganizationDomain } from "@/lib/services/organization-domains/remove-organization-domain";
import { verifyOrganizationDomain } from "@/lib/services/organization-domains/verify-organization-domain";
import { deleteOrganization } from "@/lib/services/organizations/delete-organization";
import { getOrganization } from "@/lib/services/organizations/get-organization";
import { updateOrganization } from "@/lib/services/organizations/update-organization";

export const updateOrganizationAction = formAction(
  { action: "organizations.update", schema: organizationUpdateSchema.strip().extend({ organizationId: idField }) },
  async ({ actor, input: { organizationId, ...data } }) => {
    const { slug } = await updateOrganization({ actor, organizationId, data });
    revalidatePath("/orgs", "layout");
    redirect(`/orgs/${slug}/settings`);
  },
);

/** The security form's one checkbox: present ("on") when ticked, absent when not. */
const securityForm = z.object({ organizationId: idField, mfaRequired: z.literal("on").optional() });

export const updateOrganizationSecurityAction = formAction(
  { action: "organizations.update", schema: securityForm },
  async ({ actor, input }) => {
    const mfaRequired = input.mfaRequired === "on";
    await updateOrganization({ actor, organizationId: input.organizationId, data: { mfaRequired } });
    revalidatePath("/orgs", "layout");
    return { success: mfaRequired ? "Members must now use a second factor." : "A second factor is no longer required." };
  },
);

export const deleteOrganizationAction = formAction(
  { action: "organizations.delete", schema: z.object({ organizationId: idField, confirm: z.string().default("") }) },
  async ({ actor, input: { organizationId, confirm } }) => {
    const { organization } = await getOrganization({ actor, organizationId });
    if (confirm !== organization.name) {
      const message = `Type ${organization.name} to confirm.`;
      throw new AppError("validation_failed", message, { fieldErrors: [{ field: "confirm", message }] });
    }
    await deleteOrganization({ actor, organizationId });
    revalidatePath("/orgs", "layout");
    redirect("/orgs");
  },
);

/** The SCIM token form: a name, and the password as proof unless the session confirmed one recently. */
const createScimTokenForm = scimTokenCreateSchema.extend({
  organizationId: idField,
  password: z.preprocess(blankAsMissing, scimTokenCreateSchema.shape.password),
});

export const createScimTokenAction = formAction(
  { action: "scim-tokens.create", schema: createScimTokenForm },
  async ({ actor, input: { organizationId, ...data } }) => {
    const created = await createScimToken({ actor, organizationId, data });
    revalidatePath("/orgs", "layout");
    return { created: { name: created.name, token: created.token } };
  },
);

export const revokeScimTokenAction = formAction(
  { action: "scim-tokens.revoke", schema: z.object({ organizationId: idField, tokenId: idField }) },
  async ({ actor, input }) => {
    await revokeScimToken({ actor, organizationId: input.organizationId, tokenId: input.tokenId });
    revalidatePath("/orgs", "layout");
    return { success: "The SCIM token was revoked." };
  },
);

export const addDomainAction = formAction(
  { action: "domains.add", schema: organizationDomainCreateSchema.extend({ organizationId: idField }) },
  async ({ actor, input: { organizationId, ...data } }) => {
    const added = await addOrganizationDomain({ actor, organizationId, data });
    revalidatePath("/orgs", "layout");
    return { success: `Publish the TXT record for ${added.domain}, then verify it.` };
  },
);

/** One action for both buttons: "Verify" checks DNS; "Mark verified without DNS" (superadmins) sends trust. */
const verifyDomainForm = z.object({ organizationId: idField, domainId: idField, trust: z.literal("true").optional() });

export const verifyDomainAction = formAction({ action: "domains.verify", schema: verifyDomainForm }, async ({ actor, input }) => {
  const verified = await verifyOrganizationDomain({
    actor,
    organizationId: input.organizationId,
    domainId: input.domainId,
    data: { trust: input.trust === "true" },
  });
  revalidatePath("/orgs", "layout");
  return { success: `${verified.domain} is verified.` };
});

export const removeDomainAction = formAction(
  { action: "domains.remove", schema: z.object({ organizationId: idField, domainId: idField }) },
  async ({ actor, input }) => {
    await removeOrganizationDomain({ actor, organizationId: input.organizationId, domainId: input.domainId });
    revalidatePath("/orgs", "layout");
    return { success: "The domain was removed." };
  },
);
