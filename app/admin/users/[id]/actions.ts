"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/app/admin/users/actions";
import type { FormState } from "@/components/forms/form-state";
import { getSessionActor } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf, toAppError } from "@/lib/http/problem";
import { userUpdateSchema } from "@/lib/schemas/user";
import { revokeApiToken } from "@/lib/services/api-tokens/revoke-api-token";
import { deleteUser } from "@/lib/services/users/delete-user";
import { disableUser } from "@/lib/services/users/disable-user";
import { enableUser } from "@/lib/services/users/enable-user";
import { purgeUser } from "@/lib/services/users/purge-user";
import { restoreUser } from "@/lib/services/users/restore-user";
import { revokeUserSessions } from "@/lib/services/users/revoke-user-sessions";
import { unlockUser } from "@/lib/services/users/unlock-user";
import { updateUser } from "@/lib/services/users/update-user";

async function currentActor() {
  const actor = await getSessionActor();
  if (!actor) throw new AppError("unauthorized", "Your session has ended; sign in again.");
  return actor;
}

export async function updateUserAction(_previous: FormState & { saved?: number }, formData: FormData): Promise<FormState & { saved?: number }> {
  const userId = String(formData.get("userId"));
  const values = { name: String(formData.get("name") ?? ""), role: String(formData.get("role") ?? ""), status: String(formData.get("status") ?? "") };
  const parsed = userUpdateSchema.safeParse({ name: values.name.trim() === "" ? null : values.name, role: values.role, status: values.status });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    await updateUser({ actor: await currentActor(), userId, data: parsed.data, expectedVersion: Number(formData.get("version")) });
  } catch (error) {
    const appError = toAppError(error);
    const message = appError.code === "precondition_failed" ? "Someone else changed this user meanwhile; reload to see their change." : appError.message;
    return { error: appError.code === "internal" ? "Something went wrong; try again." : message, values };
  }
  revalidatePath(`/admin/users/${userId}`);
  return { saved: Date.now() };
}

const lifecycle = {
  unlock: [unlockUser, "Unlocked."],
  disable: [disableUser, "Disabled; their sessions ended and their tokens are revoked."],
  enable: [enableUser, "Enabled."],
  delete: [deleteUser, "Deleted. You can restore them for a while."],
  restore: [restoreUser, "Restored."],
  purge: [purgeUser, "Purged: their personal data is gone."],
  revokeSessions: [revokeUserSessions, "Signed out everywhere; their tokens are revoked."],
} as const;
export type LifecycleAction = keyof typeof lifecycle;

export async function userLifecycleAction(userId: string, action: LifecycleAction): Promise<ActionResult> {
  const [service, message] = lifecycle[action];
  try {
    await service({ actor: await currentActor(), userId });
  } catch (error) {
    const appError = toAppError(error);
    return { ok: false, message: appError.code === "internal" ? "Something went wrong; try again." : appError.message };
  }
  revalidatePath(`/admin/users/${userId}`);
  revalidatePath("/admin/users");
  return { ok: true, message };
}

/** Revokes one of the user's personal access tokens from their detail page. */
export async function revokeUserTokenAction(formData: FormData): Promise<void> {
  const userId = String(formData.get("userId"));
  await revokeApiToken({ actor: await currentActor(), userId, tokenId: String(formData.get("tokenId")) });
  revalidatePath(`/admin/users/${userId}`);
}
