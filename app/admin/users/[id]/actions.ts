"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { blankAsMissing } from "@/lib/actions/form-data";
import { chosenByField, formAction, serverAction } from "@/lib/actions/server-action";
import { enterImpersonation } from "@/lib/session/impersonation-cookies";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { toAppError } from "@/lib/http/problem";
import { idField } from "@/lib/schemas/fields";
import { nestFormGroups } from "@/lib/schemas/profile-form";
import { sessionsRevokeSchema, userUpdateSchema } from "@/lib/schemas/user";
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
import { revokeApplicationGrant } from "@/lib/services/oidc/revoke-application-grant";
import { clientIdField } from "@/lib/schemas/account";

const updateUserForm = z.preprocess(
  (form) => nestFormGroups(form, ["profile"]),
  z.object({
    userId: idField,
    version: z.coerce.number().int(),
    // An emptied name field clears the name.
    name: z.preprocess((name) => blankAsMissing(name) ?? null, userUpdateSchema.shape.name),
    role: userUpdateSchema.shape.role,
    status: userUpdateSchema.shape.status,
    profile: userUpdateSchema.shape.profile,
  }),
);

export const updateUserAction = formAction(
  { action: "users.update", schema: updateUserForm },
  async ({ actor, input: { userId, version, ...data } }) => {
    try {
      await updateUser({ actor, userId, data, expectedVersion: version });
    } catch (error) {
      if (toAppError(error).code !== "precondition_failed") throw error;
      throw new AppError("precondition_failed", "Someone else changed this user meanwhile; reload to see their change.");
    }
    revalidatePath(`/admin/users/${userId}`);
    return { success: "Saved." };
  },
);

type LifecycleStep = { actor: Actor; userId: string; removeFactorsAddedWithinDays?: number };

const lifecycle: Record<string, readonly [(step: LifecycleStep) => Promise<unknown>, string]> = {
  unlock: [unlockUser, "Unlocked."],
  disable: [disableUser, "Disabled; their sessions ended and their tokens are revoked."],
  enable: [enableUser, "Enabled."],
  delete: [deleteUser, "Deleted. You can restore them for a while."],
  restore: [restoreUser, "Restored."],
  purge: [purgeUser, "Purged: their personal data is gone."],
  revokeSessions: [revokeUserSessions, "Signed out everywhere; their tokens are revoked, and they were mailed their second factors."],
  resetFactors: [resetUserFactors, "Second factors reset: they sign in with their password and can set up a new one."],
};
const lifecycleSteps = ["unlock", "disable", "enable", "delete", "restore", "purge", "revokeSessions", "resetFactors"] as const;
export type LifecycleAction = (typeof lifecycleSteps)[number];

// The action comes from the client, so it is one of the table's own keys or nothing.
const lifecycleInput = z.object({
  userId: idField,
  action: z.enum(lifecycleSteps, { error: "Not an action on a user." }),
  // Signing out everywhere may also remove the factors added lately (the API's field, and its rule).
  removeFactorsAddedWithinDays: sessionsRevokeSchema.unwrap().shape.removeFactorsAddedWithinDays,
});

export const userLifecycleAction = serverAction(
  {
    action: chosenByField("action", {
      unlock: "users.unlock",
      disable: "users.disable",
      enable: "users.enable",
      delete: "users.delete",
      restore: "users.restore",
      purge: "users.purge",
      revokeSessions: "users.sessions.revoke",
      resetFactors: "users.factors.reset",
    }),
    schema: lifecycleInput,
  },
  async ({ actor, input: { userId, action, removeFactorsAddedWithinDays } }) => {
    const [service, message] = lifecycle[action]!;
    await service({ actor, userId, removeFactorsAddedWithinDays });
    revalidatePath(`/admin/users/${userId}`);
    revalidatePath("/admin/users");
    return { success: message };
  },
);

/** Revokes one of the user's personal access tokens from their detail page. */
export const revokeUserTokenAction = formAction(
  { action: "users.tokens.revoke", schema: z.object({ userId: idField, tokenId: idField }) },
  async ({ actor, input: { userId, tokenId } }) => {
    await revokeApiToken({ actor, userId, tokenId });
    revalidatePath(`/admin/users/${userId}`);
    return { success: "The token was revoked." };
  },
);

export const revokeUserApplicationAction = formAction(
  { action: "users.applications.revoke", schema: z.object({ userId: idField, clientId: clientIdField }) },
  async ({ actor, input: { userId, clientId } }) => {
    await revokeApplicationGrant({ actor, userId, clientId });
    revalidatePath(`/admin/users/${userId}`);
    return { success: "The application's access was revoked." };
  },
);

/** "View as": opens a time-limited session as the user in this browser, keeping the administrator's own aside for the way back. */
export const viewAsUserAction = serverAction(
  { action: "users.view-as", schema: z.object({ userId: idField }) },
  async ({ actor, input: { userId } }) => {
    const started = await startImpersonation({ actor, userId });
    await enterImpersonation(started);
    redirect("/");
  },
);
