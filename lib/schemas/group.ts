import { z } from "zod";
import { emailField, idField, lineField, multilineField } from "@/lib/schemas/fields";
import { roleNameField } from "@/lib/schemas/organization";

/** Up to 256 characters: directories name groups freely (Microsoft Entra ID's own test renames one to 54). */
export const groupNameField = lineField({ error: "Enter a group name." })
  .min(1, "Enter a group name.")
  .max(256, "A group name has at most 256 characters.");

/** The directory's identifier for a group (SCIM `externalId`), kept as sent. */
export const groupExternalIdField = lineField({ error: "Give the directory's id as text." })
  .min(1, "Give the directory's id, or null.")
  .max(256, "An external id has at most 256 characters.");

/** At most this many roles per group: enough for any real mapping, and a bound on every permission check's join. */
export const maxRolesPerGroup = 20;

export const groupCreateSchema = z.strictObject({
  name: groupNameField,
  description: multilineField().max(500, "A description has at most 500 characters.").nullable().optional(),
  externalId: groupExternalIdField.nullable().optional(),
  /** The roles the group grants its members, by name as in GET …/roles; never `owner`. */
  roles: z.array(roleNameField).max(maxRolesPerGroup, `A group grants at most ${maxRolesPerGroup} roles.`).optional(),
});
export type GroupCreate = z.infer<typeof groupCreateSchema>;

export const groupUpdateSchema = groupCreateSchema.partial();
export type GroupUpdate = z.infer<typeof groupUpdateSchema>;

export const groupPublicSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  externalId: z.string().nullable(),
  roles: z.array(z.object({ id: z.uuid(), name: z.string() })),
  memberCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type GroupPublic = z.infer<typeof groupPublicSchema>;

/** Someone is added to a group by user id or by the email of their account. */
export const groupMemberAddSchema = z
  .strictObject({ userId: idField.optional(), email: emailField.optional() })
  .refine((input) => Boolean(input.email) !== Boolean(input.userId), {
    message: "Give either an email or a user id.",
    path: ["userId"],
  });
export type GroupMemberAdd = z.infer<typeof groupMemberAddSchema>;

export const groupMemberPublicSchema = z.object({
  userId: z.uuid(),
  email: z.email(),
  name: z.string().nullable(),
  /** Whether they belong to the organization now: a directory's deactivated user keeps their groups, which grant nothing meanwhile. */
  activeMember: z.boolean(),
  addedAt: z.iso.datetime(),
});
export type GroupMemberPublic = z.infer<typeof groupMemberPublicSchema>;
