import "@/lib/schemas/openapi-zod";
import { z } from "zod";
import { idField, lineField } from "@/lib/schemas/fields";

/**
 * A user's profile and a member's enterprise attributes: the names, phones and regional
 * settings OpenID Connect (Core §5.1) and SCIM (RFC 7643 §4.1, §4.3) carry. Tags and zones
 * are checked with Intl, so the list of valid values is the runtime's, never ours.
 */

/** A line of text; "" clears it, as a form's blank input sends "". */
const profileText = (label: string, max: number) =>
  lineField()
    .max(max, `${label} has at most ${max} characters.`)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional();

/** A BCP 47 language tag, in its canonical form (`en-us` becomes `en-US`). */
const languageTag = (label: string) =>
  lineField()
    .max(64, `${label} has at most 64 characters.`)
    .transform((value, context) => {
      if (value === "") return null;
      try {
        const [canonical] = Intl.getCanonicalLocales(value.replace(/_/g, "-"));
        if (canonical) return canonical;
      } catch {
        // RangeError: not a well-formed tag; reported below.
      }
      context.addIssue({ code: "custom", message: `Use a language tag such as "en-US" (BCP 47).` });
      return z.NEVER;
    })
    .nullable()
    .optional()
    .meta({ description: `A BCP 47 language tag, e.g. "en-US".` });

/** An IANA time zone name, as the runtime's time zone database knows it; offsets such as "+01:00" are not zones. */
export function canonicalTimeZone(value: string): string | null {
  if (!/^[A-Za-z]/.test(value)) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const timeZoneField = lineField()
  .max(64, "A time zone has at most 64 characters.")
  .transform((value, context) => {
    if (value === "") return null;
    const zone = canonicalTimeZone(value);
    if (zone) return zone;
    context.addIssue({ code: "custom", message: `Use an IANA time zone such as "Europe/Berlin".` });
    return z.NEVER;
  })
  .nullable()
  .optional()
  .meta({ description: `An IANA time zone name, e.g. "Europe/Berlin".` });

/** Digits with the separators people write, an optional leading + or tel: (RFC 3966), and an extension. */
const phoneShape = /^(tel:)?\+?[\d\s().\-/]*\d[\d\s().\-/]*((;ext=|\s*(ext\.?|x)\s*)\d+)?$/i;

export const phoneTypes = ["work", "home", "mobile", "fax", "pager", "other"] as const;

const phoneNumberSchema = z.strictObject({
  value: lineField()
    .min(1, "Enter a phone number.")
    .max(64, "A phone number has at most 64 characters.")
    .refine((value) => phoneShape.test(value), "Enter a phone number such as +1 555 0100."),
  type: z.enum(phoneTypes, { error: `Use one of ${phoneTypes.join(", ")}.` }).default("work"),
  primary: z.boolean({ error: "Must be true or false." }).default(false),
});
export type PhoneNumber = z.infer<typeof phoneNumberSchema>;

export const phoneNumbersField = z
  .array(phoneNumberSchema)
  .max(10, "Keep at most 10 phone numbers.")
  .refine((phones) => phones.filter((phone) => phone.primary).length <= 1, "Mark at most one phone number as primary.")
  .nullable()
  .optional();

/** What an administrator (or, for the fields the installation allows, the user) may set; a missing field is left as it is. */
export const profileUpdateSchema = z.strictObject({
  givenName: profileText("A given name", 100),
  familyName: profileText("A family name", 100),
  middleName: profileText("A middle name", 100),
  nickname: profileText("A nickname", 100),
  title: profileText("A title", 200),
  phoneNumbers: phoneNumbersField,
  preferredLanguage: languageTag("A preferred language"),
  locale: languageTag("A locale"),
  timeZone: timeZoneField,
});
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;
export type ProfileField = keyof ProfileUpdate;
export const profileFields = Object.keys(profileUpdateSchema.shape) as ProfileField[];

export const profilePublicSchema = z.object({
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  middleName: z.string().nullable(),
  nickname: z.string().nullable(),
  title: z.string().nullable(),
  phoneNumbers: z.array(z.object({ value: z.string(), type: z.enum(phoneTypes), primary: z.boolean() })),
  preferredLanguage: z.string().nullable(),
  locale: z.string().nullable(),
  timeZone: z.string().nullable(),
});
export type ProfilePublic = z.infer<typeof profilePublicSchema>;

/** A member's attributes in one organization (SCIM's enterprise extension); the manager is a user of that organization. */
export const enterpriseUpdateSchema = z.strictObject({
  employeeNumber: profileText("An employee number", 100),
  costCenter: profileText("A cost center", 200),
  organization: profileText("An organization", 200),
  division: profileText("A division", 200),
  department: profileText("A department", 200),
  managerId: z
    .union([z.literal("").transform(() => null), idField])
    .nullable()
    .optional()
    .meta({ description: "The id of the member's manager, a user of the same organization." }),
});
export type EnterpriseUpdate = z.infer<typeof enterpriseUpdateSchema>;

export const enterprisePublicSchema = z.object({
  employeeNumber: z.string().nullable(),
  costCenter: z.string().nullable(),
  organization: z.string().nullable(),
  division: z.string().nullable(),
  department: z.string().nullable(),
  managerId: z.uuid().nullable(),
});
export type EnterprisePublic = z.infer<typeof enterprisePublicSchema>;

/** A profile with nothing set: what a new user has. */
export const emptyProfile: ProfilePublic = {
  givenName: null,
  familyName: null,
  middleName: null,
  nickname: null,
  title: null,
  phoneNumbers: [],
  preferredLanguage: null,
  locale: null,
  timeZone: null,
};

/** Enterprise attributes never set. */
export const emptyEnterprise: EnterprisePublic = {
  employeeNumber: null,
  costCenter: null,
  organization: null,
  division: null,
  department: null,
  managerId: null,
};
