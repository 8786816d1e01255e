"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { attributeInputs, blankAsMissing } from "@/lib/actions/form-data";
import { formAction, serverAction } from "@/lib/actions/server-action";
import { AppError } from "@/lib/errors";
import { toAppError } from "@/lib/http/problem";
import { globalRoleSchema, userCreateSchema } from "@/lib/schemas/user";
import { idField } from "@/lib/schemas/fields";
import { createUser } from "@/lib/services/users/create-user";
import { deleteUser } from "@/lib/services/users/delete-user";
import { disableUser } from "@/lib/services/users/disable-user";
import { enableUser } from "@/lib/services/users/enable-user";
import { updateUser } from "@/lib/services/users/update-user";
import { pluralize } from "@/lib/pluralize";

// The form's radio buttons choose between a password now and an emailed invitation; the
// installation's attributes come as text inputs, read by each definition's schema.
const createUserForm = z.preprocess((form) => {
  const { email, name, role, mode, password } = form as Record<string, unknown>;
  const attributes = attributeInputs(form as Record<string, unknown>, "omit");
  return {
    email,
    name: blankAsMissing(name),
    role,
    ...(mode === "invite" ? { invite: true } : { password: password ?? "" }),
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
  };
}, userCreateSchema);

export const createUserAction = formAction({ action: "users.create", schema: createUserForm }, async ({ actor, input }) => {
  try {
    const user = await createUser({ actor, data: input, attributeSource: "text" });
    revalidatePath("/admin/users");
    return { createdId: user.id };
  } catch (error) {
    // A conflict that names no field is the email already in use; a unique attribute's names its own.
    const appError = toAppError(error);
    if (appError.code !== "conflict" || appError.fieldErrors?.length) throw error;
    throw new AppError("conflict", appError.message, { fieldErrors: [{ field: "email", message: appError.message }] });
  }
});

const bulkActions = { disable: disableUser, enable: enableUser, delete: deleteUser } as const;

const bulkInput = z.discriminatedUnion("action", [
  z.object({ userIds: z.array(idField).min(1).max(100), action: z.enum(["disable", "enable", "delete"]) }),
  z.object({ userIds: z.array(idField).min(1).max(100), action: z.literal("role"), role: globalRoleSchema }),
]);

/** Applies one action to many users, one by one, so one refusal does not undo the others. */
export const bulkUserAction = serverAction({ action: "users.bulk", schema: bulkInput }, async ({ actor, input }) => {
  const failures: string[] = [];
  for (const userId of input.userIds) {
    try {
      if (input.action === "role") await updateUser({ actor, userId, data: { role: input.role } });
      else await bulkActions[input.action]({ actor, userId });
    } catch (error) {
      // A refusal is reported with the others; a failure of ours stops the run and is logged.
      const appError = toAppError(error);
      if (appError.code === "internal") throw error;
      failures.push(appError.message);
    }
  }
  revalidatePath("/admin/users");
  const done = input.userIds.length - failures.length;
  if (failures.length === 0) return { success: `Done for ${pluralize(done, "user")}.` };
  return { error: `Done for ${done}; ${failures.length} refused: ${[...new Set(failures)].join(" ")}` };
});
