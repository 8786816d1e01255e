import { z } from "zod";
import { currentPasswordField, emailField } from "@/lib/schemas/fields";

export const signInSchema = z.object({
  email: emailField,
  password: currentPasswordField,
});
export type SignInInput = z.infer<typeof signInSchema>;
