"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { blankAsMissing } from "@/lib/actions/form-data";
import { formAction, serverAction } from "@/lib/actions/server-action";
import { enterImpersonation } from "@/lib/auth/impersonation-cookies";
import { AppError } from "@/lib/errors";
import { toAppError } from "@/lib/http/problem";
import { idField } from "@/lib/schemas/fields";
import { userUpdateSchema } from "@/lib/schemas/user";
import { revokeApiToken } from "@/lib/services/api-tokens/revoke-api-token";
import { startImpersonation } from "@/lib/services/impersonation/start-impersonation";
import { resetUserFactors } from "@/lib/services/mfa/reset-user-factors";
import { deleteUser } from "@/lib/services/users/delete-user";
import { disableUser } from "@/lib/services/users/disable-user";
import { enableUser } from "@/lib/services/users/enable-user";
import { purgeUser } from "@/lib/services/users/purge-user";
import { restoreUser } from "@/lib/services/users/restore-user";
import { revokeUserSessions } from "@/lib/services/users/revoke-user-sessions";
import { unlockUser } from "@/lib/services/users/unlock-user";
import { updateUser } from "@/lib/services/users/update-user";

const updateUserForm = z.object({
  userId: idField,
  version: z.coerce.number().int(),
  // An emptied name field clears the name.
  name: z.preprocess((name) => blankAsMissing(name) ?? null, userUpdateSchema.shape.name),
  role: userUpdateSchema.shape.role,
  status: userUpdateSchema.shape.status,
});

export const updateUserAction = formAction({ schema: updateUserForm }, async ({ actor, input: { userId, version, ...data } }) => {
  try {
    await updateUser({ actor, userId, data, expectedVersion: version });
  } catch (error) {
    if (toAppError(error).code !== "precondition_failed") throw error;
    throw new AppError("precondition_failed", "Someone else changed this user meanwhile; reload to see their change.");
  }
  revalidatePath(`/admin/users/${userId}`);
  return { saved: Date.now() };
});

const lifecycle = {
  unlock: [unlockUser, "Unlocked."],
  disable: [disableUser, "Disabled; their sessions ended and their tokens are revoked."],
  enable: [enableUser, "Enabled."],
  delete: [deleteUser, "Deleted. You can restore them for a while."],
  restore: [restoreUser, "Restored."],
  purge: [purgeUser, "Purged: their personal data is gone."],
  revokeSessions: [revokeUserSessions, "Signed out everywhere; their tokens are revoked."],
  resetFactors: [resetUserFactors, "Second factors reset: they sign in with their password and can set up a new one."],
} as const;
export type LifecycleAction = keyof typeof lifecycle;

// The action comes from the client, so it is one of the table's own keys or nothing.
const lifecycleInput = z.object({
  userId: idField,
  action: z.enum(Object.keys(lifecycle) as [LifecycleAction, ...LifecycleAction[]], { error: "Not an action on a user." }),
});

export const userLifecycleAction = serverAction({ schema: lifecycleInput }, async ({ actor, input: { userId, action } }) => {
  const [service, message] = lifecycle[action];
  await service({ actor, userId });
  revalidatePath(`/admin/users/${userId}`);
  revalidatePath("/admin/users");
  return { success: message };
});

/** Revokes one of the user's personal access tokens from their detail page. */
export const revokeUserTokenAction = formAction(
  { schema: z.object({ userId: idField, tokenId: idField }) },
  async ({ actor, input: { userId, tokenId } }) => {
    await revokeApiToken({ actor, userId, tokenId });
    revalidatePath(`/admin/users/${userId}`);
    return { success: "The token was revoked." };
  },
);

/** "View as": opens a time-limited session as the user in this browser, keeping the administrator's own aside for the way back. */
export const viewAsUserAction = serverAction({ schema: z.object({ userId: idField }) }, async ({ actor, input: { userId } }) => {
  const started = await startImpersonation({ actor, userId });
  await enterImpersonation(started);
  redirect("/");
});
