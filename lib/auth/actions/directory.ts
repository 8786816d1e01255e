import type { ActionRule } from "@/lib/auth/action-rules";

/**
 * What an identity provider's directory does through SCIM, with an organization's SCIM
 * token and inside that organization only. No person's credential reaches these, and a
 * SCIM token reaches nothing else.
 */
export const directoryActions = {
  "scim.unknown": {
    description: "Any path under /scim/v2 that no endpoint answers, and /Me and /Bulk, which are not offered: a SCIM error.",
    access: "directory",
    reads: true,
  },
  "scim.discovery": {
    description: "ServiceProviderConfig, ResourceTypes and Schemas.",
    access: "directory",
    reads: true,
  },
  "scim.users.read": { description: "List, filter and read provisioned users.", access: "directory", reads: true },
  "scim.users.create": { description: "Provision a user, or link the account with its email.", access: "directory" },
  "scim.users.replace": { description: "Replace a provisioned user's attributes.", access: "directory" },
  "scim.users.patch": { description: "Change a provisioned user's attributes.", access: "directory" },
  "scim.users.delete": { description: "Deprovision a user from the organization.", access: "directory" },
  "scim.groups.read": { description: "List, filter and read groups.", access: "directory", reads: true },
  "scim.groups.create": { description: "Create a group.", access: "directory" },
  "scim.groups.replace": { description: "Rename a group and set its members.", access: "directory" },
  "scim.groups.patch": { description: "Rename a group, add or remove members.", access: "directory" },
  "scim.groups.delete": { description: "Delete a group.", access: "directory" },
} as const satisfies Record<string, ActionRule>;
