import type { Prisma } from "@/lib/generated/prisma/client";
import { enterpriseUpdateSchema, profileUpdateSchema, type EnterpriseUpdate, type ProfileUpdate } from "@/lib/schemas/profile";
import type { ScimUserInput } from "@/lib/schemas/scim";
import { scimUrn } from "@/lib/scim/schema-urns";

/**
 * How a SCIM user's attributes beyond userName, externalId and the names map onto ours.
 * Three places hold them, each for a reason:
 * - the directory's row (`scim_users.attributes`) keeps what was sent, exactly: an email's
 *   case (`jyoung@Contoso.com`), a second email, addresses, a formatted name;
 * - the account's profile takes what the API would accept, when the directory owns the
 *   account (the same rule as the account's name, save-scim-user.ts);
 * - the member's enterprise attributes (member_profiles) belong to the organization, so
 *   its directory always writes them.
 */

type Attributes = Record<string, unknown>;

/** What the directory row keeps as sent; attributes left out are not kept (a PUT replaces them). */
export function directoryAttributes(input: ScimUserInput): Prisma.InputJsonObject {
  const kept: Attributes = {
    formatted: input.name?.formatted,
    middleName: input.name?.middleName,
    nickName: input.nickName,
    title: input.title,
    preferredLanguage: input.preferredLanguage,
    locale: input.locale,
    timezone: input.timezone,
    emails: input.emails?.filter((email) => typeof email.value === "string" && email.value.trim() !== ""),
    phoneNumbers: input.phoneNumbers?.filter((phone) => typeof phone.value === "string" && phone.value.trim() !== ""),
    addresses: input.addresses,
  };
  return Object.fromEntries(
    Object.entries(kept).filter(([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)),
  ) as Prisma.InputJsonObject;
}

/** The stored attributes of a directory row, read defensively: a JSON column holds whatever was written. */
export const storedAttributes = (value: Prisma.JsonValue): Attributes =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Attributes) : {};

const phoneTypeOf = (type: unknown) => {
  const lower = typeof type === "string" ? type.toLowerCase() : "";
  return ["work", "home", "mobile", "fax", "pager"].includes(lower) ? lower : "other";
};

/**
 * The account profile the directory's values make. Each field is checked as the API
 * checks it, and one the API would refuse (a time zone it does not know) is left out of
 * the account but still kept as sent in the directory's row: provisioning a person must
 * not fail on a regional setting.
 */
export function accountProfileOf(input: ScimUserInput): ProfileUpdate {
  const phones = (input.phoneNumbers ?? []).filter((phone) => typeof phone.value === "string" && phone.value.trim() !== "");
  const candidate: Attributes = {
    givenName: input.name?.givenName ?? null,
    familyName: input.name?.familyName ?? null,
    middleName: input.name?.middleName ?? null,
    nickname: input.nickName ?? null,
    title: input.title ?? null,
    phoneNumbers: phones.map((phone, index) => ({
      value: phone.value,
      type: phoneTypeOf(phone.type),
      primary: phone.primary === true && phones.findIndex((other) => other.primary === true) === index,
    })),
    preferredLanguage: input.preferredLanguage ?? null,
    locale: input.locale ?? null,
    timeZone: input.timezone ?? null,
  };
  const profile: Attributes = {};
  for (const [field, value] of Object.entries(candidate)) {
    const parsed = profileUpdateSchema.shape[field as keyof ProfileUpdate].safeParse(value);
    profile[field] = parsed.success ? parsed.data : null;
  }
  return profile as ProfileUpdate;
}

/**
 * The enterprise extension as the member's attributes: those it leaves out are cleared.
 * Without the extension nothing changes, so a directory that maps none of these (Okta's
 * default) does not wipe what an owner set in the organization (RFC 7644 §3.5.1 lets a
 * PUT keep unassigned attributes).
 */
export function enterpriseOf(input: ScimUserInput): EnterpriseUpdate {
  const extension = input[scimUrn.enterpriseUser];
  if (!extension) return {};
  const manager = typeof extension?.manager === "string" ? extension.manager : extension?.manager?.value;
  return enterpriseUpdateSchema.parse({
    employeeNumber: extension?.employeeNumber ?? null,
    costCenter: extension?.costCenter ?? null,
    organization: extension?.organization ?? null,
    division: extension?.division ?? null,
    department: extension?.department ?? null,
    managerId: manager || null,
  });
}
