import "@/lib/schemas/openapi-zod";
import { z } from "zod";
import { dateOrDateTimeField, emailField, lineField, nameField, passwordField } from "@/lib/schemas/fields";
import { attributeFilterField, attributeValuesInputSchema, attributeValuesSchema, sortAttributeField } from "@/lib/schemas/attributes";
import { factorPublicSchema } from "@/lib/schemas/mfa";
import { paginationQuerySchema } from "@/lib/schemas/pagination";
import { profilePublicSchema, profileUpdateSchema } from "@/lib/schemas/profile";

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
  profile: profilePublicSchema.meta({ description: "Names, phones and regional settings; `name` is the display name." }),
  /** The installation's custom attributes, on answers about one user (never in lists). */
  attributes: attributeValuesSchema.optional(),
});
export type UserPublic = z.infer<typeof userPublicSchema>;

/** What administrators see: the public shape plus the state they manage. */
export const managedUserSchema = userPublicSchema.extend({
  deletedAt: z.iso.datetime().nullable(),
  lockedUntil: z.iso.datetime().nullable(),
  failedSignIns: z.number().int(),
  hasPassword: z.boolean(),
  version: z.number().int(),
});
export type ManagedUser = z.infer<typeof managedUserSchema>;

/** A row of the users export: the profile's fields are columns of their own, as the import reads them. */
export const userExportRowSchema = managedUserSchema
  .pick({ id: true, email: true, name: true, role: true, status: true, createdAt: true, lastLoginAt: true, deletedAt: true })
  .extend(profilePublicSchema.shape)
  .extend({ phoneNumbers: profilePublicSchema.shape.phoneNumbers.nullable() })
  // One `attribute.<key>` column per installation attribute, null where the user has no value.
  .catchall(
    z
      .union([z.string(), z.number(), z.boolean(), z.null()])
      .meta({ description: "An installation attribute's value, in the column `attribute.<key>`." }),
  );

/** One user for an administrator: also their second factors (never secrets), which only the detail reads. */
export const managedUserDetailSchema = managedUserSchema.extend({
  mfaEnabled: z.boolean().meta({ description: "Whether sign-in asks this user for a second factor." }),
  factors: z.array(factorPublicSchema),
});
export type ManagedUserDetail = z.infer<typeof managedUserDetailSchema>;

/** An administrator creates a user either with a password or by emailing an invitation to set one. */
export const userCreateSchema = z
  .strictObject({
    email: emailField,
    name: nameField.optional(),
    password: passwordField.optional(),
    invite: z.boolean({ error: "Must be true or false." }).optional(),
    role: globalRoleSchema.default("user"),
    attributes: attributeValuesInputSchema.optional(),
  })
  .superRefine((user, context) => {
    if (user.invite && user.password !== undefined) {
      context.addIssue({ code: "custom", path: ["password"], message: "Leave the password empty when sending an invitation." });
    }
    if (!user.invite && user.password === undefined) {
      context.addIssue({ code: "custom", path: ["password"], message: "Enter a password, or send an invitation instead." });
    }
  });
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z.strictObject({
  name: nameField.nullable().optional(),
  role: globalRoleSchema.optional(),
  status: userStatusSchema.optional(),
  profile: profileUpdateSchema.optional().meta({ description: "The profile fields to change; those left out stay as they are." }),
  attributes: attributeValuesInputSchema.optional(),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;

/** What people may change about themselves here; email changes go through verification. */
/** Recently added factors an administrator may remove while signing someone out everywhere. */
export const recentFactorDays = { offered: 7, most: 90 };

/**
 * Signing a user out everywhere, and optionally removing second factors added in the last
 * days: a factor planted through an open session survives a sign-out and a password reset.
 */
export const sessionsRevokeSchema = z
  .strictObject({
    removeFactorsAddedWithinDays: z
      .number({ error: "Send a whole number of days." })
      .int("Send a whole number of days.")
      .min(1, "Send at least 1 day.")
      .max(recentFactorDays.most, `Send at most ${recentFactorDays.most} days.`)
      .optional()
      .meta({ description: "Also remove the user's second factors added within this many days (a confirmed action)." }),
  })
  .optional();
export type SessionsRevoke = z.infer<typeof sessionsRevokeSchema>;

export const sessionsRevokedSchema = z.object({
  revoked: z.number().int(),
  revokedTokens: z.number().int(),
  removedFactors: z.number().int().meta({ description: "Second factors removed because they were added recently." }),
});

export const userSelfUpdateSchema = z.strictObject({
  name: nameField.nullable().optional(),
  profile: profileUpdateSchema
    .optional()
    .meta({ description: "The profile fields to change, among those the installation lets people edit (PROFILE_SELF_EDITABLE)." }),
  /** Only the attributes the installation lets users change themselves. */
  attributes: attributeValuesInputSchema.optional(),
});
export type UserSelfUpdate = z.infer<typeof userSelfUpdateSchema>;

/** `deleted` lists soft-deleted users, who are otherwise left out of every list. */
export const userListStatusSchema = z.enum(["active", "disabled", "deleted"]);
export const userSortSchema = z.enum(["created", "email", "name", "lastLogin", "attribute"]);

/** The filters the list, the export and the admin table share. */
export const userFilterSchema = z.strictObject({
  q: lineField().max(200, "Search with at most 200 characters.").optional(),
  role: globalRoleSchema.optional(),
  status: userListStatusSchema.optional(),
  createdFrom: dateOrDateTimeField.optional(),
  createdTo: dateOrDateTimeField.optional(),
  hasMfa: z
    .enum(["true", "false"], { error: "Use true or false." })
    .transform((value) => value === "true")
    .optional()
    .meta({ description: "true: only users with a confirmed second factor; false: only those without." }),
  attributes: attributeFilterField,
});
export type UserFilter = z.infer<typeof userFilterSchema>;

const userListQueryObject = userFilterSchema.extend({
  ...paginationQuerySchema.shape,
  sort: userSortSchema.default("created"),
  order: z.enum(["asc", "desc"]).default("desc"),
  sortAttribute: sortAttributeField,
});

export const userListQuerySchema = userListQueryObject
  .refine((query) => !(query.page && query.cursor), { path: ["cursor"], message: "Use either page or cursor, not both." })
  .refine((query) => (query.sort === "attribute") === (query.sortAttribute !== undefined), {
    path: ["sort"],
    message: "Sort by an attribute as sort=attribute.<key>.",
  });
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const userExportQuerySchema = userFilterSchema.extend({ format: z.enum(["csv", "json"]).default("csv") });
export type UserExportQuery = z.infer<typeof userExportQuerySchema>;

/**
 * The list's and the export's parameters as the API document lists them. Attribute
 * filters and sorts are named by pattern (`attribute.<key>=…`, `sort=attribute.<key>`),
 * which a list of parameters cannot express: the operations' descriptions say so, and
 * the gathered fields they fill (`attributes`, `sortAttribute`) are not parameters.
 */
export const userListDocumentedQuerySchema = userListQueryObject.omit({ attributes: true, sortAttribute: true });
export const userExportDocumentedQuerySchema = userExportQuerySchema.omit({ attributes: true });
