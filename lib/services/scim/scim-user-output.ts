import type { AttributeValue, MemberProfile, ScimUser, User } from "@/lib/generated/prisma/client";
import { fromColumns } from "@/lib/services/attributes/mappers";
import { scimLocation } from "@/lib/services/scim/scim-caller";
import { storedAttributes } from "@/lib/services/scim/scim-user-attributes";

type Attributes = Record<string, unknown>;

const isSent = (value: unknown) => value !== undefined && value !== null && value !== "";

/**
 * The emails as the directory sent them, case and all (RFC 7643 §2.4 keeps a value as
 * written; only comparisons ignore case). A directory that sent none, or only empty
 * ones, sees the account's address, which is the one people sign in with.
 */
function scimEmails(stored: Attributes, accountEmail: string): Attributes[] {
  const sent = Array.isArray(stored.emails) ? (stored.emails as Attributes[]).filter((email) => isSent(email?.value)) : [];
  return sent.length > 0 ? sent : [{ value: accountEmail, type: "work", primary: true }];
}

/** The attributes of the core schema a directory row keeps as sent, and the account's emails. */
export function scimProfileAttributes(row: ScimUser & { user: Pick<User, "email"> }): Attributes {
  const stored = storedAttributes(row.attributes);
  const single = ["formatted", "middleName", "nickName", "title", "preferredLanguage", "locale", "timezone"] as const;
  const multi = ["phoneNumbers", "addresses"] as const;
  return {
    ...Object.fromEntries(single.filter((name) => isSent(stored[name])).map((name) => [name, stored[name]])),
    emails: scimEmails(stored, row.user.email),
    ...Object.fromEntries(multi.filter((name) => Array.isArray(stored[name])).map((name) => [name, stored[name]])),
  };
}

/** RFC 7643 §4.3's extension from the member's attributes in the organization; undefined when none is set. */
export function scimEnterprise(row: MemberProfile | undefined): Attributes | undefined {
  if (!row) return undefined;
  const fields = {
    employeeNumber: row.employeeNumber,
    costCenter: row.costCenter,
    organization: row.organization,
    division: row.division,
    department: row.department,
  };
  const set = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));
  const manager = row.managerId ? { manager: { value: row.managerId, $ref: scimLocation("Users", row.managerId) } } : {};
  return Object.keys(set).length > 0 || row.managerId ? { ...set, ...manager } : undefined;
}

/** The organization's custom attributes by key, as the extension carries them; undefined when none is set. */
export function scimCustomAttributes(row: {
  user: { attributeValues: (AttributeValue & { definition: { key: string } })[] };
}): Attributes | undefined {
  const values = row.user.attributeValues.map((value) => [value.definition.key, fromColumns(value)] as const);
  const set = values.filter(([, value]) => value !== null);
  return set.length > 0 ? Object.fromEntries(set) : undefined;
}
