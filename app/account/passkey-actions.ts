"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, serverAction } from "@/lib/actions/server-action";
import { idField, nameField } from "@/lib/schemas/fields";
import { asJsonText, passkeyRegistrationSchema, registrationResponseSchema } from "@/lib/schemas/passkeys";
import { finishPasskeyRegistration } from "@/lib/services/passkeys/finish-passkey-registration";
import { removePasskey } from "@/lib/services/passkeys/remove-passkey";
import { startPasskeyRegistration } from "@/lib/services/passkeys/start-passkey-registration";

// The name is checked before the browser's prompt opens, so nobody answers it only to be told the name was empty.
export const startPasskeyRegistrationAction = serverAction(
  { action: "me.passkeys.start", schema: z.object({ name: nameField }) },
  async ({ actor }) => ({
    options: await startPasskeyRegistration({ actor }),
  }),
);

const registerPasskeyForm = passkeyRegistrationSchema.extend({ response: asJsonText(registrationResponseSchema) });

export const registerPasskeyAction = serverAction(
  { action: "me.passkeys.register", schema: registerPasskeyForm },
  async ({ actor, input }) => {
    const passkey = await finishPasskeyRegistration({ actor, ...input });
    revalidatePath("/account");
    return { success: `The passkey “${passkey.name}” was added.` };
  },
);

export const removePasskeyAction = formAction(
  { action: "me.factors.remove", schema: z.object({ passkeyId: idField }) },
  async ({ actor, input }) => {
    await removePasskey({ actor, passkeyId: input.passkeyId });
    revalidatePath("/account");
    return { success: "The passkey was removed." };
  },
);
