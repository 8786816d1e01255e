import "@/lib/schemas/openapi-zod";
import { z } from "zod";

/** Reusable fields with the messages people see, shared by forms, the API and the OpenAPI document. */

export const emailField = z
  .string({ error: "Enter an email address." })
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email("Enter a valid email address."))
  .transform((email) => email.toLowerCase());

/**
 * A new password: 8 to 256 characters, no composition rules (NIST SP 800-63B). Any length
 * is hashed in full (see lib/auth/password.ts). Whether it is guessable (leaked, the
 * account's own address) is decided on the server, by hashNewPassword, since the list is
 * large and the address is not always part of the form.
 */
export const passwordField = z
  .string({ error: "Enter a password." })
  .min(8, "Use at least 8 characters.")
  .max(256, "Use at most 256 characters.");

/** For signing in: any non-empty string, so old passwords that predate today's rules still work. */
export const currentPasswordField = z
  .string({ error: "Enter your password." })
  .min(1, "Enter your password.")
  .max(256, "Use at most 256 characters.");

export const nameField = z
  .string()
  .trim()
  .min(1, "Enter a name.")
  .max(100, "A name has at most 100 characters.");

export const idField = z.uuid("Not a valid id.");
