import type { ActionRule } from "@/lib/auth/action-rules";

/**
 * Defining custom attributes, for the installation (global administrators) and inside one
 * organization (its owners). The values themselves travel with the user and member
 * actions (`users.update`, `me.update`, `members.update`), whose rules they follow.
 */
export const attributeActions = {
  "attributes.read": {
    description: "List and read the installation's attribute definitions.",
    access: "users:read",
    reads: true,
  },
  "attributes.create": { description: "Define an attribute every user may carry.", access: "global-attributes:manage" },
  "attributes.update": {
    description: "Change an attribute's label, type, options, rules or visibility; values that cannot follow are refused.",
    access: "global-attributes:manage",
  },
  "attributes.delete": { description: "Remove an attribute and every user's value of it.", access: "global-attributes:manage" },
  "organization-attributes.read": {
    description: "List and read the organization's attribute definitions.",
    access: "organization:read",
    reads: true,
  },
  "organization-attributes.create": {
    description: "Define an attribute the organization keeps about its members.",
    access: "attributes:manage",
  },
  "organization-attributes.update": {
    description: "Change an organization attribute; values that cannot follow are refused.",
    access: "attributes:manage",
  },
  "organization-attributes.delete": {
    description: "Remove an organization attribute and every member's value of it.",
    access: "attributes:manage",
  },
  // The service decides the audience: members:update holders as administrators, the member as the user.
  "member-attributes.read": {
    description: "Read a member's values of the organization's attributes.",
    access: "organization:read",
    reads: true,
  },
  "member-attributes.update": {
    description: "Set a member's values of the organization's attributes (the member: those marked editable).",
    access: "organization:read",
  },
} as const satisfies Record<string, ActionRule>;
