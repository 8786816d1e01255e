import { sentField, type ActionRule, type RawInput } from "@/lib/auth/action-rules";

/** Whether the input asks for a global role above `user`: handing out administration is sensitive. */
const grantsElevatedRole = (input: RawInput) => {
  const role = sentField(input, "role");
  return role !== undefined && role !== null && role !== "user";
};

/** Whether the input sets a role at all: any change of a global role (granting or taking it) is. */
const setsRole = (input: RawInput) => {
  const role = sentField(input, "role");
  return role !== undefined && role !== null && role !== "";
};

/**
 * What the administrators of the installation do: users, the installation's audit log,
 * figures, outbox and webhooks. These are global powers, so a token limited to one
 * organization never has them, whoever its user is.
 */
export const installationActions = {
  "users.list": { description: "Search, filter, sort and page through users.", access: "users:read", reads: true },
  "users.export": { description: "Export the users matching the list's filters.", access: "users:read", reads: true },
  "users.read": { description: "Read one user.", access: "users:read", reads: true },
  "users.create": {
    description: "Create a user with a password, or invite them by email.",
    access: "users:write",
    stepUp: grantsElevatedRole,
  },
  "users.import": {
    description: "Create many users from CSV or JSON, with roles and password hashes.",
    access: "users:write",
    // A file can hold any role and any password hash: importing is always a confirmed action.
    stepUp: true,
  },
  "users.update": { description: "Change a user's name, profile, role or status.", access: "users:write", stepUp: setsRole },
  "users.bulk": {
    description: "Disable, enable, delete or change the role of many users.",
    access: "users:write",
    stepUp: (input) => sentField(input, "action") === "role",
  },
  "users.disable": { description: "Block a user's sign-in and end their sessions.", access: "users:write" },
  "users.enable": { description: "Let a disabled user sign in again.", access: "users:write" },
  "users.unlock": { description: "Clear a lockout from failed sign-ins.", access: "users:write" },
  "users.delete": { description: "Soft-delete a user and end their sessions.", access: "users:write" },
  "users.restore": { description: "Bring back a deleted user within the restore window.", access: "users:write" },
  "users.purge": { description: "Erase a deleted user's personal data for good.", access: "users:purge", stepUp: true },
  "users.sessions.revoke": {
    description: "Sign a user out everywhere, optionally removing second factors added recently.",
    access: "users:write",
    stepUp: (input) => sentField(input, "removeFactorsAddedWithinDays") !== undefined,
  },
  "users.factors.reset": {
    description: "Remove a user's second factors and recovery codes, and sign them out everywhere.",
    access: "users:write",
    stepUp: true,
  },
  "users.tokens.read": { description: "List a user's personal access tokens.", access: "users:read", reads: true },
  "users.tokens.revoke": { description: "Revoke one of a user's personal access tokens.", access: "users:write" },
  "users.applications.read": { description: "List the applications a user has granted access.", access: "users:read", reads: true },
  // Like revoking a token: it only takes access away, so no confirmation.
  "users.applications.revoke": {
    description: "Revoke what a user granted an application; its tokens stop working.",
    access: "users:write",
  },
  "users.view-as": {
    description: "View the app as a user of a lower role, for IMPERSONATION_MINUTES.",
    access: "users:impersonate",
    stepUp: true,
  },
  "audit.read": { description: "Read and export the installation's audit log.", access: "users:read", reads: true },
  "audit.verify": { description: "Check that the audit log's hash chain is unbroken.", access: "audit:verify", reads: true },
  "stats.read": { description: "The overview figures.", access: "users:read", reads: true },
  "outbox.read": { description: "Read stored emails, which hold live links.", access: "outbox:read", reads: true },
  "permissions.read": {
    description: "The catalogue of permission codes.",
    access: "signed-in",
    reads: true,
    organizationToken: true,
  },
  "global-webhooks.read": {
    description: "List and read the installation's webhooks and their deliveries.",
    access: "global-webhooks:manage",
    reads: true,
  },
  "global-webhooks.create": {
    description: "Register a webhook told about every event of the installation; its secret is shown once.",
    access: "global-webhooks:manage",
    stepUp: true,
  },
  "global-webhooks.update": { description: "Change a global webhook's URL, events or state.", access: "global-webhooks:manage" },
  "global-webhooks.delete": { description: "Remove a global webhook and its deliveries.", access: "global-webhooks:manage" },
  "global-webhooks.rotate-secret": {
    description: "A new signing secret for a global webhook, shown once.",
    access: "global-webhooks:manage",
    stepUp: true,
  },
  "global-webhooks.resend": { description: "Queue a global webhook's delivery again.", access: "global-webhooks:manage" },
  "global-applications.read": {
    description: "List and read the applications registered for the whole installation.",
    access: "global-applications:manage",
    reads: true,
  },
  "global-applications.create": {
    description: "Register an application anyone may sign in to; a confidential one's secret is shown once.",
    access: "global-applications:manage",
    stepUp: true,
  },
  "global-applications.update": {
    description: "Change a global application's redirect URIs, scopes or state.",
    access: "global-applications:manage",
    // Adding a redirect URI or a scope changes where people's tokens may go.
    stepUp: true,
  },
  "global-applications.delete": {
    description: "Remove a global application; its grants and tokens stop working.",
    access: "global-applications:manage",
  },
  "global-applications.rotate-secret": {
    description: "A new client secret for a global application, shown once; the old one works for 24 hours more.",
    access: "global-applications:manage",
    stepUp: true,
  },
} as const satisfies Record<string, ActionRule>;
