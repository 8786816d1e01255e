"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { asList, attributeInputs, blankAsMissing } from "@/lib/actions/form-data";
import { formAction } from "@/lib/actions/server-action";
import { pluralize } from "@/lib/pluralize";
import { qrCodeDataUri } from "@/lib/auth/qr-code";
import { passwordChangeSchema } from "@/lib/schemas/account";
import { apiTokenCreateSchema } from "@/lib/schemas/api-token";
import { idField } from "@/lib/schemas/fields";
import { totpConfirmSchema } from "@/lib/schemas/mfa";
import { createApiToken } from "@/lib/services/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/services/api-tokens/revoke-api-token";
import { changeOwnPassword } from "@/lib/services/auth/change-own-password";
import { endOtherSessions } from "@/lib/services/sessions/end-other-sessions";
import { endOwnSession } from "@/lib/services/sessions/end-own-session";
import { confirmTotpEnrolment } from "@/lib/services/mfa/confirm-totp-enrolment";
import { regenerateRecoveryCodes } from "@/lib/services/mfa/regenerate-recovery-codes";
import { removeFactor } from "@/lib/services/mfa/remove-factor";
import { startTotpEnrolment } from "@/lib/services/mfa/start-totp-enrolment";
import { revokeApplicationGrant } from "@/lib/services/oidc/revoke-application-grant";
import { clientIdField } from "@/lib/schemas/account";
import { nestFormGroups } from "@/lib/schemas/profile-form";
import { userSelfUpdateSchema } from "@/lib/schemas/user";
import { updateCurrentUser } from "@/lib/services/users/update-current-user";

// The form sends every field it shows; disabled ones (not the user's to change) are not sent at all.
// The attributes the person may change come as text inputs named `attributes.<key>`.
const updateProfileForm = z.preprocess((form) => {
  const attributes = attributeInputs(form as Record<string, unknown>, "clear");
  const { profile, name } = nestFormGroups(form, ["profile"]) as Record<string, unknown>;
  return { profile, name: blankAsMissing(name) ?? null, ...(Object.keys(attributes).length > 0 ? { attributes } : {}) };
}, userSelfUpdateSchema);

export const updateProfileAction = formAction({ action: "me.update", schema: updateProfileForm }, async ({ actor, input }) => {
  await updateCurrentUser({ actor, data: input, attributeSource: "text" });
  revalidatePath("/account");
  return { success: "Profile saved." };
});

// An unticked checkbox is simply absent from the form, so "keep the tokens" is its absence.
const changePasswordForm = z.preprocess((form) => {
  const { currentPassword, newPassword, revokeTokens } = form as Record<string, unknown>;
  return { currentPassword, newPassword, revokeTokens: revokeTokens === "on" };
}, passwordChangeSchema);

export const changePasswordAction = formAction({ action: "me.password.change", schema: changePasswordForm }, async ({ actor, input }) => {
  const { endedSessions, revokedTokens } = await changeOwnPassword({ actor, data: input });
  revalidatePath("/account");
  const tokens = revokedTokens > 0 ? ` ${pluralize(revokedTokens, "token")} revoked.` : "";
  return { success: `Password changed. ${pluralize(endedSessions, "other session")} signed out.${tokens}` };
});

const createTokenForm = z.preprocess((form) => {
  const { name, scopes, expiresInDays, password } = form as Record<string, unknown>;
  return { name, scopes: asList(scopes), expiresInDays: blankAsMissing(expiresInDays), password: blankAsMissing(password) };
}, apiTokenCreateSchema);

export const createTokenAction = formAction({ action: "me.tokens.create", schema: createTokenForm }, async ({ actor, input }) => {
  const created = await createApiToken({ actor, data: input });
  revalidatePath("/account");
  return { created: { name: created.name, token: created.token } };
});

export const revokeTokenAction = formAction(
  { action: "me.tokens.revoke", schema: z.object({ tokenId: idField }) },
  async ({ actor, input }) => {
    await revokeApiToken({ actor, tokenId: input.tokenId });
    revalidatePath("/account");
    return { success: "The token was revoked." };
  },
);

export const endSessionAction = formAction(
  { action: "me.sessions.end", schema: z.object({ sessionId: idField }) },
  async ({ actor, input }) => {
    await endOwnSession({ actor, sessionId: input.sessionId });
    revalidatePath("/account");
    return { success: "The session was ended." };
  },
);

export const revokeApplicationAction = formAction(
  { action: "me.applications.revoke", schema: z.object({ clientId: clientIdField }) },
  async ({ actor, input }) => {
    await revokeApplicationGrant({ actor, userId: actor.userId, clientId: input.clientId });
    revalidatePath("/account");
    return { success: "The application's access was revoked." };
  },
);

export const endOtherSessionsAction = formAction({ action: "me.sessions.end" }, async ({ actor }) => {
  const { ended, factors } = await endOtherSessions({ actor });
  revalidatePath("/account");
  const kept =
    factors.length === 0
      ? "Your account has no second factor."
      : `Your second factors, still in place: ${factors.map((factor) => factor.name).join(", ")}. Remove any you do not recognise.`;
  return { success: `${pluralize(ended, "other session")} signed out. ${kept}` };
});

export const startTotpEnrolmentAction = formAction({ action: "me.totp.start" }, async ({ actor }) => {
  const { secret, uri } = await startTotpEnrolment({ actor });
  return { enrolment: { secret, qrCode: await qrCodeDataUri(uri) } };
});

export const confirmTotpEnrolmentAction = formAction({ action: "me.totp.confirm", schema: totpConfirmSchema }, async ({ actor, input }) => {
  const { recoveryCodes } = await confirmTotpEnrolment({ actor, code: input.code });
  revalidatePath("/account");
  return { recoveryCodes };
});

export const regenerateRecoveryCodesAction = formAction({ action: "me.recovery-codes.replace" }, async ({ actor }) => {
  const { recoveryCodes } = await regenerateRecoveryCodes({ actor });
  revalidatePath("/account");
  return { recoveryCodes };
});

export const removeFactorAction = formAction(
  { action: "me.factors.remove", schema: z.object({ factorId: idField }) },
  async ({ actor, input }) => {
    await removeFactor({ actor, factorId: input.factorId });
    revalidatePath("/account");
    return { success: "The factor was removed." };
  },
);
