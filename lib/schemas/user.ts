import { z } from "zod";
import { emailField, nameField, passwordField } from "@/lib/schemas/fields";

export const globalRoleSchema = z.enum(["superadmin", "admin", "user"]);
export const userStatusSchema = z.enum(["active", "disabled"]);

/** What anyone outside the service layer sees of a user: never a password hash. */
export const userPublicSchema = z.object({
  id: z.uuid(),
  email: z.email(),
  name: z.string().nullable(),
  role: globalRoleSchema,
  status: userStatusSchema,
  emailVerifiedAt: z.iso.datetime().nullable(),
  lastLoginAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type UserPublic = z.infer<typeof userPublicSchema>;

export const userCreateSchema = z.strictObject({
  email: emailField,
  name: nameField.optional(),
  password: passwordField,
  role: globalRoleSchema.default("user"),
});
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z.strictObject({
  name: nameField.nullable().optional(),
  role: globalRoleSchema.optional(),
  status: userStatusSchema.optional(),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;
