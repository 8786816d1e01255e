"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/forms/form-state";
import { getSessionActor } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf, toAppError } from "@/lib/http/problem";
import { globalRoleSchema, userCreateSchema } from "@/lib/schemas/user";
import { createUser } from "@/lib/services/users/create-user";
import { deleteUser } from "@/lib/services/users/delete-user";
import { disableUser } from "@/lib/services/users/disable-user";
import { enableUser } from "@/lib/services/users/enable-user";
import { updateUser } from "@/lib/services/users/update-user";

export type ActionResult = { ok: boolean; message: string };

async function currentActor() {
  const actor = await getSessionActor();
  if (!actor) throw new AppError("unauthorized", "Your session has ended; sign in again.");
  return actor;
}

const optional = (value: FormDataEntryValue | null) => (value === null || value === "" ? undefined : String(value));

export async function createUserAction(_previous: FormState, formData: FormData): Promise<FormState & { createdId?: string }> {
  const values = { email: String(formData.get("email") ?? ""), name: String(formData.get("name") ?? ""), role: String(formData.get("role") ?? "user") };
  const invite = formData.get("mode") === "invite";
  const parsed = userCreateSchema.safeParse({
    email: values.email,
    name: optional(formData.get("name")),
    role: values.role,
    ...(invite ? { invite: true } : { password: optional(formData.get("password")) ?? "" }),
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    const user = await createUser({ actor: await currentActor(), data: parsed.data });
    revalidatePath("/admin/users");
    return { createdId: user.id };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "conflict") return { fieldErrors: [{ field: "email", message: appError.message }], values };
    return { error: appError.code === "internal" ? "Something went wrong; try again." : appError.message, values };
  }
}

const bulkActions = { disable: disableUser, enable: enableUser, delete: deleteUser } as const;
export type BulkAction = keyof typeof bulkActions | "role";

/** Applies one action to many users, one by one, so one refusal does not undo the others. */
export async function bulkUserAction(userIds: string[], action: BulkAction, role?: string): Promise<ActionResult> {
  const actor = await currentActor();
  const newRole = action === "role" ? globalRoleSchema.parse(role) : undefined;
  const failures: string[] = [];
  for (const userId of userIds.slice(0, 100)) {
    try {
      if (newRole) await updateUser({ actor, userId, data: { role: newRole } });
      else await bulkActions[action as keyof typeof bulkActions]({ actor, userId });
    } catch (error) {
      failures.push(toAppError(error).message);
    }
  }
  revalidatePath("/admin/users");
  const done = userIds.length - failures.length;
  if (failures.length === 0) return { ok: true, message: `Done for ${done} user${done === 1 ? "" : "s"}.` };
  return { ok: false, message: `Done for ${done}; ${failures.length} refused: ${[...new Set(failures)].join(" ")}` };
}
