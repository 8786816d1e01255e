import { sentField, type ActionRule } from "@/lib/auth/action-rules";

/**
 * What happens inside one organization. Each names the organization permission the
 * service checks with `can` once it has loaded the organization, so a token limited to
 * an organization may take these there and nowhere else (the default for organization
 * permissions).
 */
export const organizationActions = {
  "organizations.list": {
    description: "The caller's organizations (every one for global administrators).",
    access: "signed-in",
    reads: true,
    // A limited token sees its own organization in the list, and only that one.
    organizationToken: true,
  },
  "organizations.create": { description: "Create an organization owned by the caller.", access: "signed-in" },
  "organizations.read": { description: "Read an organization.", access: "organization:read", reads: true },
  "organizations.update": {
    description: "Rename the organization, change its address, or its second-factor requirement.",
    access: "organization:update",
  },
  "organizations.delete": { description: "Soft-delete the organization.", access: "organization:delete", stepUp: true },
  "members.read": { description: "List the members and their roles.", access: "members:read", reads: true },
  "members.add": {
    description: "Invite by email; a global administrator adds an account at once.",
    access: "members:invite",
  },
  "members.update": { description: "Change a member's role.", access: "members:update" },
  "members.remove": { description: "Remove a member, or leave.", access: "members:remove" },
  "invitations.read": { description: "List open invitations.", access: "members:invite", reads: true },
  "invitations.create": { description: "Invite an address with a role.", access: "members:invite" },
  "invitations.resend": { description: "Mail an invitation's new link.", access: "members:invite" },
  "invitations.revoke": { description: "Revoke an invitation.", access: "members:invite" },
  "invitations.accept": {
    description: "Join an organization as the invited, signed-in user.",
    access: "signed-in",
  },
  "roles.read": { description: "List built-in and custom roles.", access: "organization:read", reads: true },
  "roles.create": { description: "Create a custom role.", access: "roles:manage" },
  "roles.update": { description: "Change a custom role's name or permissions.", access: "roles:manage" },
  "roles.delete": { description: "Delete an unused custom role.", access: "roles:manage" },
  "groups.read": { description: "List the groups, read one, and list who is in it.", access: "members:read", reads: true },
  "groups.create": { description: "Create a group and the roles it grants.", access: "groups:manage" },
  "groups.update": { description: "Rename a group, or change the roles it grants.", access: "groups:manage" },
  "groups.delete": { description: "Delete a group; its members lose what it granted.", access: "groups:manage" },
  "groups.add-member": { description: "Put a member in a group, granting its roles.", access: "groups:manage" },
  "groups.remove-member": { description: "Take someone out of a group.", access: "groups:manage" },
  "organization-audit.read": {
    description: "Read and export the organization's audit log.",
    access: "audit:read",
    reads: true,
  },
  "scim-tokens.read": { description: "List the organization's SCIM tokens.", access: "scim:manage", reads: true },
  "scim-tokens.create": {
    description: "Create a SCIM token, which provisions every member; the secret is shown once.",
    access: "scim:manage",
    stepUp: true,
    stepUpEvenForTokens: true,
    passwordProofField: "password",
  },
  "scim-tokens.revoke": { description: "Revoke a SCIM token.", access: "scim:manage" },
  "domains.read": { description: "List the organization's email domains, verified and pending.", access: "organization:read", reads: true },
  "domains.add": { description: "Claim an email domain; the answer names the TXT record that proves it.", access: "domains:manage" },
  "domains.verify": {
    description: "Check a domain's TXT record, or (superadmins, for air-gapped installs) vouch for it without DNS.",
    access: "domains:manage",
    // Vouching hands every account of the domain to the organization's directory.
    stepUp: (input) => sentField(input, "trust") === true || sentField(input, "trust") === "true",
    passwordProofField: "password",
  },
  "domains.remove": { description: "Remove a domain; the directory can no longer manage accounts there.", access: "domains:manage" },
  "webhooks.read": {
    description: "List and read the organization's webhooks and their deliveries.",
    access: "webhooks:manage",
    reads: true,
  },
  "webhooks.create": {
    description: "Register a webhook told about the organization's events; its secret is shown once.",
    access: "webhooks:manage",
    stepUp: true,
  },
  "webhooks.update": { description: "Change a webhook's URL, events or state.", access: "webhooks:manage" },
  "webhooks.delete": { description: "Remove a webhook and its deliveries.", access: "webhooks:manage" },
  "webhooks.rotate-secret": {
    description: "A new signing secret for a webhook, shown once.",
    access: "webhooks:manage",
    stepUp: true,
  },
  "webhooks.resend": { description: "Queue a webhook delivery again.", access: "webhooks:manage" },
  "applications.read": {
    description: "List and read the organization's applications.",
    access: "applications:manage",
    reads: true,
  },
  "applications.create": {
    description: "Register an application for the organization's members, or a service acting for it; its secret is shown once.",
    access: "applications:manage",
    stepUp: true,
  },
  "applications.update": {
    description: "Change an application's redirect URIs, scopes or state.",
    access: "applications:manage",
    // Adding a redirect URI or a scope changes where members' tokens may go.
    stepUp: true,
  },
  "applications.delete": {
    description: "Remove an application; its grants and tokens stop working.",
    access: "applications:manage",
  },
  "applications.rotate-secret": {
    description: "A new client secret for an application, shown once; the old one works for 24 hours more.",
    access: "applications:manage",
    stepUp: true,
  },
} as const satisfies Record<string, ActionRule>;
