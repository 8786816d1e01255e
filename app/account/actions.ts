"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { asList, blankAsMissing } from "@/lib/actions/form-data";
import { formAction } from "@/lib/actions/server-action";
import { qrCodeDataUri } from "@/lib/auth/qr-code";
import { passwordChangeSchema } from "@/lib/schemas/account";
import { apiTokenCreateSchema } from "@/lib/schemas/api-token";
import { idField } from "@/lib/schemas/fields";
import { totpConfirmSchema } from "@/lib/schemas/mfa";
import { factorRemoveSchema } from "@/lib/schemas/second-factor";
import { createApiToken } from "@/lib/services/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/services/api-tokens/revoke-api-token";
import { changeOwnPassword } from "@/lib/services/auth/change-own-password";
import { endOtherSessions } from "@/lib/services/sessions/end-other-sessions";
import { endOwnSession } from "@/lib/services/sessions/end-own-session";
import { confirmTotpEnrolment } from "@/lib/services/mfa/confirm-totp-enrolment";
import { regenerateRecoveryCodes } from "@/lib/services/mfa/regenerate-recovery-codes";
import { removeFactor } from "@/lib/services/mfa/remove-factor";
import { startTotpEnrolment } from "@/lib/services/mfa/start-totp-enrolment";

// An unticked checkbox is simply absent from the form, so "keep the tokens" is its absence.
const changePasswordForm = z.preprocess((form) => {
  const { currentPassword, newPassword, revokeTokens } = form as Record<string, unknown>;
  return { currentPassword, newPassword, revokeTokens: revokeTokens === "on" };
}, passwordChangeSchema);

export const changePasswordAction = formAction({ schema: changePasswordForm }, async ({ actor, input }) => {
  const { endedSessions, revokedTokens } = await changeOwnPassword({ actor, data: input });
  revalidatePath("/account");
  const tokens = revokedTokens > 0 ? ` ${revokedTokens} token${revokedTokens === 1 ? "" : "s"} revoked.` : "";
  return { success: `Password changed. ${endedSessions} other session${endedSessions === 1 ? "" : "s"} signed out.${tokens}` };
});

const createTokenForm = z.preprocess((form) => {
  const { name, scopes, expiresInDays, tokenPassword } = form as Record<string, unknown>;
  return { name, scopes: asList(scopes), expiresInDays: blankAsMissing(expiresInDays), password: blankAsMissing(tokenPassword) };
}, apiTokenCreateSchema);

export const createTokenAction = formAction({ schema: createTokenForm }, async ({ actor, input }) => {
  const created = await createApiToken({ actor, data: input });
  revalidatePath("/account");
  return { created: { name: created.name, token: created.token } };
});

export const revokeTokenAction = formAction({ schema: z.object({ tokenId: idField }) }, async ({ actor, input }) => {
  await revokeApiToken({ actor, tokenId: input.tokenId });
  revalidatePath("/account");
  return { success: "The token was revoked." };
});

export const endSessionAction = formAction({ schema: z.object({ sessionId: idField }) }, async ({ actor, input }) => {
  await endOwnSession({ actor, sessionId: input.sessionId });
  revalidatePath("/account");
  return { success: "The session was ended." };
});

export const endOtherSessionsAction = formAction({}, async ({ actor }) => {
  const { ended } = await endOtherSessions({ actor });
  revalidatePath("/account");
  return { success: `${ended} other session${ended === 1 ? "" : "s"} signed out.` };
});

export const startTotpEnrolmentAction = formAction({ beforeSecondFactor: true }, async ({ actor }) => {
  const { secret, uri } = await startTotpEnrolment({ actor });
  return { enrolment: { secret, qrCode: await qrCodeDataUri(uri) } };
});

export const confirmTotpEnrolmentAction = formAction({ schema: totpConfirmSchema, beforeSecondFactor: true }, async ({ actor, input }) => {
  const { recoveryCodes } = await confirmTotpEnrolment({ actor, code: input.code });
  revalidatePath("/account");
  return { recoveryCodes };
});

export const regenerateRecoveryCodesAction = formAction({}, async ({ actor }) => {
  const { recoveryCodes } = await regenerateRecoveryCodes({ actor });
  revalidatePath("/account");
  return { recoveryCodes };
});

// Named apart from the password section's fields, whose ids share the page.
const removeFactorForm = z.preprocess((form) => {
  const { factorId, factorPassword, factorCode } = form as Record<string, unknown>;
  return { factorId, password: blankAsMissing(factorPassword), code: blankAsMissing(factorCode) };
}, factorRemoveSchema);

export const removeFactorAction = formAction({ schema: removeFactorForm }, async ({ actor, input }) => {
  await removeFactor({ actor, factorId: input.factorId, proof: input.proof });
  revalidatePath("/account");
  return { success: "The factor was removed." };
});
