"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { blankAsMissing, ticked } from "@/lib/actions/form-data";
import { formAction } from "@/lib/actions/server-action";
import { pluralize } from "@/lib/pluralize";
import { sentField, type RawInput } from "@/lib/auth/action-rules";
import { attributeCreateSchema, attributeKeyField, attributeUpdateSchema } from "@/lib/schemas/attributes";
import { idField } from "@/lib/schemas/fields";
import { createAttribute } from "@/lib/services/attributes/create-attribute";
import { deleteAttribute } from "@/lib/services/attributes/delete-attribute";
import { updateAttribute } from "@/lib/services/attributes/update-attribute";

/**
 * The attribute pages of the installation (/admin/attributes) and of an organization
 * (/orgs/:slug/attributes) post here; a form names its organization in a hidden field,
 * left empty for the installation's attributes.
 */
const scopeFields = { organizationId: z.preprocess(blankAsMissing, idField.optional()) };
const scopeOf = (organizationId: string | undefined) => ({ organizationId: organizationId ?? null });

const attributeAction = (verb: "create" | "update" | "delete") => ({
  actions: [`attributes.${verb}`, `organization-attributes.${verb}`] as const,
  choose: (sent: RawInput) =>
    sentField(sent, "organizationId") ? (`organization-attributes.${verb}` as const) : (`attributes.${verb}` as const),
});

/** Options one per line, checkboxes as booleans (an edit form sends a hidden "off" first), empty inputs as not given. */
const attributeForm = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((form) => {
    const { options, required, unique, type, ...rest } = form as Record<string, unknown>;
    const lines =
      typeof options === "string"
        ? options
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter(Boolean)
        : undefined;
    return {
      ...rest,
      ...(type ? { type } : {}),
      ...(lines && (lines.length > 0 || type === "enum") ? { options: lines } : type && type !== "enum" ? { options: [] } : {}),
      ...(ticked(required) === undefined ? {} : { required: ticked(required) }),
      ...(ticked(unique) === undefined ? {} : { unique: ticked(unique) }),
    };
  }, schema);

function refreshAttributePages() {
  revalidatePath("/admin/attributes");
  revalidatePath("/orgs", "layout");
}

export const createAttributeAction = formAction(
  { action: attributeAction("create"), schema: attributeForm(attributeCreateSchema.and(z.object(scopeFields))) },
  async ({ actor, input: { organizationId, ...data } }) => {
    const created = await createAttribute({ actor, ...scopeOf(organizationId), data });
    refreshAttributePages();
    return { success: `The attribute ${created.label} was defined.` };
  },
);

export const updateAttributeAction = formAction(
  {
    action: attributeAction("update"),
    schema: attributeForm(attributeUpdateSchema.and(z.object({ ...scopeFields, key: attributeKeyField }))),
  },
  async ({ actor, input: { organizationId, key, ...data } }) => {
    await updateAttribute({ actor, ...scopeOf(organizationId), key, data });
    refreshAttributePages();
    return { success: "The attribute was saved." };
  },
);

export const deleteAttributeAction = formAction(
  { action: attributeAction("delete"), schema: z.object({ ...scopeFields, key: attributeKeyField }) },
  async ({ actor, input: { organizationId, key } }) => {
    const { valuesRemoved } = await deleteAttribute({ actor, ...scopeOf(organizationId), key });
    refreshAttributePages();
    return { success: `The attribute was removed with ${pluralize(valuesRemoved, "value")}.` };
  },
);
