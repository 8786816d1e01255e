"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/forms/form-state";
import { requireSessionActor } from "@/lib/auth/require-session-actor";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/http/problem";
import { passwordChangeSchema } from "@/lib/schemas/account";
import { apiTokenCreateSchema } from "@/lib/schemas/api-token";
import { createApiToken } from "@/lib/services/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/services/api-tokens/revoke-api-token";
import { changeOwnPassword } from "@/lib/services/auth/change-own-password";
import { endOtherSessions } from "@/lib/services/sessions/end-other-sessions";
import { endOwnSession } from "@/lib/services/sessions/end-own-session";

export type TokenFormState = FormState & { created?: { name: string; token: string } };

/** Services' validation and rate-limit answers belong next to the form; anything else is a real failure. */
function formError(error: unknown, values: Record<string, string>): FormState {
  if (error instanceof AppError && (error.fieldErrors || error.code === "rate_limited" || error.code === "reauthentication_required")) {
    return { error: error.fieldErrors ? undefined : error.message, fieldErrors: error.fieldErrors, values };
  }
  throw error;
}

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireSessionActor();
  const parsed = passwordChangeSchema.safeParse({
    currentPassword: formData.get("currentPassword"),
    newPassword: formData.get("newPassword"),
    revokeTokens: formData.get("revokeTokens") === "on",
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const { endedSessions, revokedTokens } = await changeOwnPassword({ actor, data: parsed.data });
    revalidatePath("/account");
    const tokens = revokedTokens > 0 ? ` ${revokedTokens} token${revokedTokens === 1 ? "" : "s"} revoked.` : "";
    return { success: `Password changed. ${endedSessions} other session${endedSessions === 1 ? "" : "s"} signed out.${tokens}` };
  } catch (error) {
    return formError(error, {});
  }
}

export async function createTokenAction(_previous: TokenFormState, formData: FormData): Promise<TokenFormState> {
  const actor = await requireSessionActor();
  const name = String(formData.get("name") ?? "");
  const expiresInDays = String(formData.get("expiresInDays") ?? "");
  const parsed = apiTokenCreateSchema.safeParse({
    name,
    scopes: formData.getAll("scopes").map(String),
    expiresInDays: expiresInDays || undefined,
    password: String(formData.get("tokenPassword") ?? "") || undefined,
  });
  const values = { name, expiresInDays };
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    const created = await createApiToken({ actor, data: parsed.data });
    revalidatePath("/account");
    return { created: { name: created.name, token: created.token } };
  } catch (error) {
    return formError(error, values);
  }
}

export async function revokeTokenAction(formData: FormData): Promise<void> {
  await revokeApiToken({ actor: await requireSessionActor(), tokenId: String(formData.get("tokenId")) });
  revalidatePath("/account");
}

export async function endSessionAction(formData: FormData): Promise<void> {
  await endOwnSession({ actor: await requireSessionActor(), sessionId: String(formData.get("sessionId")) });
  revalidatePath("/account");
}

export async function endOtherSessionsAction(): Promise<void> {
  await endOtherSessions({ actor: await requireSessionActor() });
  revalidatePath("/account");
}
