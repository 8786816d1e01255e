import { z } from "zod";
import { emailField, lineField } from "@/lib/schemas/fields";
import { groupExternalIdField, groupNameField } from "@/lib/schemas/group";
import { scimUrn } from "@/lib/scim/schema-urns";

/**
 * SCIM resources as identity providers send them. Objects are loose, unlike the rest of
 * the API: RFC 7644 §3.3 lets a service provider ignore attributes it does not keep,
 * and Entra ID and Okta send extensions (enterprise user, their own) nobody asked for.
 */
const text = (max: number) => lineField().max(max, `At most ${max} characters.`);

/** Entra ID sends booleans as the strings "True" and "False". */
export const scimBoolean = z.union([
  z.boolean(),
  z
    .string()
    .regex(/^(true|false)$/i, "Send true or false.")
    .transform((value) => value.toLowerCase() === "true"),
]);

const emailSchema = z.looseObject({
  // Entra ID clears the work email by sending "" or null as its value.
  value: z.string().max(254).nullish(),
  type: z.string().max(50).nullish(),
  primary: scimBoolean.nullish(),
});

/** A phone number as directories send it; kept as sent, and copied to the profile only when it is one the API accepts. */
const phoneSchema = z.looseObject({
  value: z.string().max(100).nullish(),
  type: z.string().max(50).nullish(),
  primary: scimBoolean.nullish(),
});

const addressSchema = z.looseObject({
  formatted: z.string().max(1000).nullish(),
  streetAddress: z.string().max(500).nullish(),
  locality: text(200).nullish(),
  region: text(200).nullish(),
  postalCode: text(50).nullish(),
  country: text(100).nullish(),
  type: z.string().max(50).nullish(),
  primary: scimBoolean.nullish(),
});

/**
 * RFC 7643 §4.3. Entra ID sets the manager as an object (`{ "value": id }`) in POST and
 * PUT, but as the bare id in a PATCH naming `…:User:manager`; "" clears it.
 */
const enterpriseSchema = z.looseObject({
  employeeNumber: text(100).nullish(),
  costCenter: text(200).nullish(),
  organization: text(200).nullish(),
  division: text(200).nullish(),
  department: text(200).nullish(),
  manager: z.union([z.string().max(100), z.looseObject({ value: z.string().max(100).nullish() })]).nullish(),
});

export const scimUserInputSchema = z.looseObject({
  userName: text(256).min(1, "userName is required."),
  externalId: text(256).nullish(),
  displayName: text(200).nullish(),
  name: z
    .looseObject({
      givenName: text(100).nullish(),
      familyName: text(100).nullish(),
      middleName: text(100).nullish(),
      formatted: text(200).nullish(),
    })
    .nullish(),
  nickName: text(100).nullish(),
  title: text(200).nullish(),
  preferredLanguage: text(64).nullish(),
  locale: text(64).nullish(),
  timezone: text(64).nullish(),
  emails: z.array(emailSchema).max(20).nullish(),
  phoneNumbers: z.array(phoneSchema).max(20).nullish(),
  addresses: z.array(addressSchema).max(10).nullish(),
  active: scimBoolean.nullish(),
  [scimUrn.enterpriseUser]: enterpriseSchema.nullish(),
  // The organization's custom attributes by key; each value is checked against its definition when written.
  [scimUrn.customUser]: z.record(z.string().max(64), z.unknown()).nullish(),
});
export type ScimUserInput = z.infer<typeof scimUserInputSchema>;

/**
 * The address an account is made or found by: the primary email, else the work one,
 * else the first, else a userName that is an address (Okta and Entra ID send one). An
 * email cleared to "" or null is no address, so the next one counts. Null when none of
 * them is a valid address.
 */
export function accountEmailOf(input: ScimUserInput): string | null {
  const emails = (input.emails ?? []).filter((email) => typeof email.value === "string" && email.value.trim() !== "");
  const chosen =
    emails.find((email) => email.primary === true) ?? emails.find((email) => email.type?.toLowerCase() === "work") ?? emails[0];
  const parsed = emailField.safeParse(chosen?.value ?? input.userName);
  return parsed.success ? parsed.data : null;
}

const memberSchema = z.looseObject({ value: z.string().max(100) });

export const scimGroupInputSchema = z.looseObject({
  displayName: groupNameField,
  externalId: groupExternalIdField.nullish(),
  members: z.array(memberSchema).max(10_000).nullish(),
});
export type ScimGroupInput = z.infer<typeof scimGroupInputSchema>;
