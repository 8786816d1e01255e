"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { blankAsMissing } from "@/lib/actions/form-data";
import { formAction, serverAction } from "@/lib/actions/server-action";
import { currentPasswordField, idField, nameField } from "@/lib/schemas/fields";
import { asJsonText, passkeyRegistrationSchema, registrationResponseSchema } from "@/lib/schemas/passkeys";
import { finishPasskeyRegistration } from "@/lib/services/passkeys/finish-passkey-registration";
import { removePasskey } from "@/lib/services/passkeys/remove-passkey";
import { startPasskeyRegistration } from "@/lib/services/passkeys/start-passkey-registration";

// The name is checked before the browser's prompt opens, so nobody answers it only to be told the name was empty.
export const startPasskeyRegistrationAction = serverAction(
  { schema: z.object({ name: nameField }), beforeSecondFactor: true },
  async ({ actor }) => ({
    options: await startPasskeyRegistration({ actor }),
  }),
);

const registerPasskeyForm = passkeyRegistrationSchema.extend({ response: asJsonText(registrationResponseSchema) });

export const registerPasskeyAction = serverAction({ schema: registerPasskeyForm, beforeSecondFactor: true }, async ({ actor, input }) => {
  const passkey = await finishPasskeyRegistration({ actor, ...input });
  revalidatePath("/account");
  return { success: `The passkey “${passkey.name}” was added.` };
});

const removePasskeyForm = z.preprocess(
  (form) => {
    const { passkeyId, removalPassword } = form as Record<string, unknown>;
    return { passkeyId, password: blankAsMissing(removalPassword) };
  },
  z.object({ passkeyId: idField, password: currentPasswordField.optional() }),
);

export const removePasskeyAction = formAction({ schema: removePasskeyForm }, async ({ actor, input }) => {
  await removePasskey({ actor, passkeyId: input.passkeyId, proof: input.password ? { password: input.password } : undefined });
  revalidatePath("/account");
  return { success: "The passkey was removed." };
});
