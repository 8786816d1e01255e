"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { attributeInputs } from "@/lib/actions/form-data";
import { formAction } from "@/lib/actions/server-action";
import { idField } from "@/lib/schemas/fields";
import { updateUser } from "@/lib/services/users/update-user";

/** The user page's attribute inputs, named `attributes.<key>`: a blank input clears the value. */
const attributesForm = z.preprocess(
  (form) => {
    const { userId, version } = form as Record<string, unknown>;
    return { userId, version, attributes: attributeInputs(form as Record<string, unknown>, "clear") };
  },
  z.object({ userId: idField, version: z.coerce.number().int(), attributes: z.record(z.string(), z.string().nullable()) }),
);

/** Sets the installation's attributes of a user from the user page; values arrive as text and are read by each definition's schema. */
export const updateUserAttributesAction = formAction(
  { action: "users.update", schema: attributesForm },
  async ({ actor, input: { userId, version, attributes } }) => {
    await updateUser({ actor, userId, data: { attributes }, expectedVersion: version, attributeSource: "text" });
    revalidatePath(`/admin/users/${userId}`);
    return { success: "Attributes saved." };
  },
);
