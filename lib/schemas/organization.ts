import { z } from "zod";
import { organizationPermissions, type OrganizationPermission } from "@/lib/auth/permission-catalogue";
import { emailField, idField, lineField, multilineField, nameField, passwordField } from "@/lib/schemas/fields";
import { enterprisePublicSchema, enterpriseUpdateSchema } from "@/lib/schemas/profile";

/** An organization's address in page URLs: lower-case letters, digits and single hyphens. */
export const slugField = z
  .string({ error: "Enter an address." })
  .trim()
  .toLowerCase()
  .min(2, "Use at least 2 characters.")
  .max(48, "Use at most 48 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens, like acme-labs.")
  .refine((slug) => !["new"].includes(slug), "This address is reserved.");

export const roleNameField = lineField({ error: "Enter a role name." })
  .min(1, "Enter a role name.")
  .max(50, "A role name has at most 50 characters.");

export const permissionField = z.enum(organizationPermissions as [OrganizationPermission, ...OrganizationPermission[]], {
  error: "Not a known permission; see GET /api/v1/permissions.",
});

export const organizationPublicSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  /** Members must use a second factor; until they have one they may only enrol. */
  mfaRequired: z.boolean(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type OrganizationPublic = z.infer<typeof organizationPublicSchema>;

export const organizationCreateSchema = z.strictObject({ name: nameField, slug: slugField });
export type OrganizationCreate = z.infer<typeof organizationCreateSchema>;

export const organizationUpdateSchema = z.strictObject({
  name: nameField.optional(),
  slug: slugField.optional(),
  mfaRequired: z.boolean({ error: "Must be true or false." }).optional(),
});
export type OrganizationUpdate = z.infer<typeof organizationUpdateSchema>;

export const rolePublicSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  builtIn: z.boolean(),
  permissions: z.array(permissionField),
  version: z.number().int(),
});
export type RolePublic = z.infer<typeof rolePublicSchema>;

export const roleCreateSchema = z.strictObject({
  name: roleNameField,
  description: multilineField().max(200, "A description has at most 200 characters.").nullable().optional(),
  permissions: z.array(permissionField).max(organizationPermissions.length),
});
export type RoleCreate = z.infer<typeof roleCreateSchema>;

export const roleUpdateSchema = roleCreateSchema.partial();
export type RoleUpdate = z.infer<typeof roleUpdateSchema>;

export const memberPublicSchema = z.object({
  userId: z.uuid(),
  email: z.email(),
  name: z.string().nullable(),
  role: z.object({ id: z.uuid(), name: z.string() }),
  joinedAt: z.iso.datetime(),
  version: z.number().int(),
});
export type MemberPublic = z.infer<typeof memberPublicSchema>;

/** A member is added by email or by user id, with a role named as in GET …/roles. */
export const memberAddSchema = z
  .strictObject({ email: emailField.optional(), userId: idField.optional(), role: roleNameField })
  .refine((input) => Boolean(input.email) !== Boolean(input.userId), {
    message: "Give either an email or a user id.",
    path: ["email"],
  });
export type MemberAdd = z.infer<typeof memberAddSchema>;

/** One member with their attributes in this organization (SCIM's enterprise extension); the list leaves these out. */
export const memberDetailSchema = memberPublicSchema.extend({ enterprise: enterprisePublicSchema });
export type MemberDetail = z.infer<typeof memberDetailSchema>;

/** A new role, enterprise attributes to change (those left out stay), or both. */
export const memberUpdateSchema = z.strictObject({
  role: roleNameField.optional(),
  enterprise: enterpriseUpdateSchema
    .optional()
    .meta({ description: "Employee number, cost center, organization, division, department, manager; those left out stay." }),
});
export type MemberUpdate = z.infer<typeof memberUpdateSchema>;

export const invitationPublicSchema = z.object({
  id: z.uuid(),
  email: z.email(),
  role: z.object({ id: z.uuid(), name: z.string() }),
  status: z.enum(["pending", "accepted", "revoked", "expired"]),
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
});
export type InvitationPublic = z.infer<typeof invitationPublicSchema>;

export const invitationCreateSchema = z.strictObject({ email: emailField, role: roleNameField });
export type InvitationCreate = z.infer<typeof invitationCreateSchema>;

export const permissionPublicSchema = z.object({ code: permissionField, description: z.string() });

/** Joining through an invitation without an account: the email is the invited one. */
export const invitationSignUpSchema = z.strictObject({ name: nameField, password: passwordField });
export type InvitationSignUp = z.infer<typeof invitationSignUpSchema>;
