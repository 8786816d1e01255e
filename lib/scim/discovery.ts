import type { CustomUserSchema } from "@/lib/scim/custom-attributes-schema";
import { maxPageSize } from "@/lib/scim/list-query";
import { attribute } from "@/lib/scim/schema-attribute";
import { scimUrn } from "@/lib/scim/schema-urns";
import { enterpriseUserSchema, userSchema } from "@/lib/scim/user-schemas";

/** RFC 7643 §5: what this service provider supports, so clients need no configuration of their own. */
export const serviceProviderConfig = {
  schemas: [scimUrn.serviceProviderConfig],
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
  filter: { supported: true, maxResults: maxPageSize },
  // Passwords are never taken from a directory: accounts sign in through single sign-on or set one by a reset link.
  changePassword: { supported: false },
  sort: { supported: true },
  etag: { supported: true },
  authenticationSchemes: [
    {
      type: "oauthbearertoken",
      name: "SCIM token",
      description: "A token an organization owner creates in the organization's settings; send it as Authorization: Bearer scim_….",
      primary: true,
    },
    {
      type: "oauthbearertoken",
      name: "Service token",
      description:
        "An access token of the organization's machine application registered with the scim scope, from the client credentials grant (scope=scim); send it as Authorization: Bearer.",
    },
  ],
  meta: { resourceType: "ServiceProviderConfig", location: "/scim/v2/ServiceProviderConfig" },
};

/**
 * RFC 7643 §6. The custom attributes' extension is required when the organization made
 * any of its attributes required: a user cannot be provisioned without them.
 */
export const resourceTypesFor = (custom: CustomUserSchema) => [
  {
    schemas: [scimUrn.resourceType],
    id: "User",
    name: "User",
    endpoint: "/Users",
    description: "A member of the organization, as its directory provisions them.",
    schema: scimUrn.user,
    schemaExtensions: [
      { schema: scimUrn.enterpriseUser, required: false },
      { schema: scimUrn.customUser, required: custom.attributes.some((attribute) => attribute.required) },
    ],
    meta: { resourceType: "ResourceType", location: "/scim/v2/ResourceTypes/User" },
  },
  {
    schemas: [scimUrn.resourceType],
    id: "Group",
    name: "Group",
    endpoint: "/Groups",
    description: "A group of the organization: its members hold the roles an owner maps it to, on top of their own.",
    schema: scimUrn.group,
    meta: { resourceType: "ResourceType", location: "/scim/v2/ResourceTypes/Group" },
  },
];

/** RFC 7643 §7: the attributes this server keeps, and only those, the organization's own included. */
export const schemasFor = (custom: CustomUserSchema) => [
  userSchema,
  enterpriseUserSchema,
  custom,
  {
    schemas: [scimUrn.schema],
    id: scimUrn.group,
    name: "Group",
    description: "Group: a set of the organization's people, which an owner maps to roles",
    attributes: [
      attribute("displayName", { required: true, uniqueness: "server" }),
      attribute("members", {
        type: "complex",
        multiValued: true,
        subAttributes: [attribute("value", { mutability: "immutable" }), attribute("display", { mutability: "readOnly" })],
      }),
    ],
    meta: { resourceType: "Schema", location: `/scim/v2/Schemas/${scimUrn.group}` },
  },
];

/** A discovery list as a ListResponse (RFC 7644 §4). */
export const discoveryList = (resources: unknown[]) => ({
  schemas: [scimUrn.listResponse],
  totalResults: resources.length,
  startIndex: 1,
  itemsPerPage: resources.length,
  Resources: resources,
});
