import { attribute, multiValued } from "@/lib/scim/schema-attribute";
import { scimUrn } from "@/lib/scim/schema-urns";

/** RFC 7643 §4.1: the User attributes this server keeps, and only those. */
export const userSchema = {
  schemas: [scimUrn.schema],
  id: scimUrn.user,
  name: "User",
  description: "User account",
  attributes: [
    attribute("userName", { required: true, uniqueness: "server" }),
    attribute("externalId", { caseExact: true }),
    attribute("name", {
      type: "complex",
      subAttributes: [attribute("formatted"), attribute("givenName"), attribute("middleName"), attribute("familyName")],
    }),
    attribute("displayName"),
    attribute("nickName"),
    attribute("title"),
    attribute("preferredLanguage"),
    attribute("locale"),
    attribute("timezone"),
    attribute("active", { type: "boolean" }),
    multiValued("emails"),
    multiValued("phoneNumbers"),
    multiValued("addresses", [
      attribute("formatted"),
      attribute("streetAddress"),
      attribute("locality"),
      attribute("region"),
      attribute("postalCode"),
      attribute("country"),
    ]),
    attribute("groups", {
      type: "complex",
      multiValued: true,
      mutability: "readOnly",
      subAttributes: [attribute("value", { mutability: "readOnly" }), attribute("display", { mutability: "readOnly" })],
    }),
  ],
  meta: { resourceType: "Schema", location: `/scim/v2/Schemas/${scimUrn.user}` },
};

/** RFC 7643 §4.3: kept per organization, so one person provisioned by two organizations has two sets. */
export const enterpriseUserSchema = {
  schemas: [scimUrn.schema],
  id: scimUrn.enterpriseUser,
  name: "EnterpriseUser",
  description: "Enterprise User",
  attributes: [
    attribute("employeeNumber"),
    attribute("costCenter"),
    attribute("organization"),
    attribute("division"),
    attribute("department"),
    attribute("manager", {
      type: "complex",
      subAttributes: [attribute("value"), attribute("$ref", { type: "reference", mutability: "readOnly" })],
    }),
  ],
  meta: { resourceType: "Schema", location: `/scim/v2/Schemas/${scimUrn.enterpriseUser}` },
};
