import type { Actor } from "@/lib/auth/actor";
import type { OrganizationPermission } from "@/lib/auth/permission-catalogue";
import { createInvitation } from "@/lib/services/invitations/create-invitation";
import { listInvitations } from "@/lib/services/invitations/list-invitations";
import { resendInvitation } from "@/lib/services/invitations/resend-invitation";
import { revokeInvitation } from "@/lib/services/invitations/revoke-invitation";
import { createGroup } from "@/lib/services/groups/create-group";
import { deleteGroup } from "@/lib/services/groups/delete-group";
import { addGroupMember, listGroupMembers, removeGroupMember } from "@/lib/services/groups/group-members";
import { listGroups } from "@/lib/services/groups/list-groups";
import { updateGroup } from "@/lib/services/groups/update-group";
import { createRole } from "@/lib/services/organization-roles/create-role";
import { deleteRole } from "@/lib/services/organization-roles/delete-role";
import { listRoles } from "@/lib/services/organization-roles/list-roles";
import { updateRole } from "@/lib/services/organization-roles/update-role";
import { addMember } from "@/lib/services/organizations/add-member";
import { deleteOrganization } from "@/lib/services/organizations/delete-organization";
import { getOrganization } from "@/lib/services/organizations/get-organization";
import { listMembers } from "@/lib/services/organizations/list-members";
import { removeMember } from "@/lib/services/organizations/remove-member";
import { updateMember } from "@/lib/services/organizations/update-member";
import { updateOrganization } from "@/lib/services/organizations/update-organization";
import { createWebhook } from "@/lib/services/webhooks/create-webhook";
import { findWebhooks } from "@/lib/services/webhooks/find-webhooks";
import { createScimToken } from "@/lib/services/scim-tokens/create-scim-token";
import { findScimTokens } from "@/lib/services/scim-tokens/find-scim-tokens";
import { revokeScimToken } from "@/lib/services/scim-tokens/revoke-scim-token";
import { addOrganizationDomain } from "@/lib/services/organization-domains/add-organization-domain";
import { findOrganizationDomains } from "@/lib/services/organization-domains/find-organization-domains";
import { removeOrganizationDomain } from "@/lib/services/organization-domains/remove-organization-domain";
import { verifyOrganizationDomain } from "@/lib/services/organization-domains/verify-organization-domain";
import { uniqueDomain } from "@/tests/support/domains";
import { uniqueEmail } from "@/tests/support/factories";

// Every organization operation of the service layer, as
// lib/services/organizations/organization-permissions.test.ts tries each with every kind
// of caller: what it needs to run (a scene made fresh for each case) and the permission a
// custom role must hold for it.

/** Everything one operation needs, made fresh for each case so cases cannot affect each other. */
export type Scene = {
  organizationId: string;
  targetUserId: string;
  spareRoleId: string;
  invitationId: string;
  outsiderEmail: string;
  scimTokenId: string;
  domainId: string;
  /** A group with the target in it, granting nothing. */
  groupId: string;
};
export type Operation = { permission: OrganizationPermission; run: (actor: Actor, scene: Scene) => Promise<unknown> };

const query = { limit: 20 };
/** Every caller's password (createUser's default), the proof creating a SCIM token asks for. */
const password = "correct horse battery staple";
export const operations: Record<string, Operation> = {
  "get organization": { permission: "organization:read", run: (actor, s) => getOrganization({ actor, organizationId: s.organizationId }) },
  "update organization": {
    permission: "organization:update",
    run: (actor, s) => updateOrganization({ actor, organizationId: s.organizationId, data: { name: "Renamed" } }),
  },
  "delete organization": {
    permission: "organization:delete",
    run: (actor, s) => deleteOrganization({ actor, organizationId: s.organizationId }),
  },
  "list members": { permission: "members:read", run: (actor, s) => listMembers({ actor, organizationId: s.organizationId, query }) },
  "add member": {
    permission: "members:invite",
    run: (actor, s) => addMember({ actor, organizationId: s.organizationId, data: { email: s.outsiderEmail, role: "spare-a" } }),
  },
  "update member": {
    permission: "members:update",
    run: (actor, s) => updateMember({ actor, organizationId: s.organizationId, userId: s.targetUserId, data: { role: "spare-b" } }),
  },
  "remove member": {
    permission: "members:remove",
    run: (actor, s) => removeMember({ actor, organizationId: s.organizationId, userId: s.targetUserId }),
  },
  "list invitations": {
    permission: "members:invite",
    run: (actor, s) => listInvitations({ actor, organizationId: s.organizationId, query }),
  },
  "create invitation": {
    permission: "members:invite",
    run: (actor, s) =>
      createInvitation({ actor, organizationId: s.organizationId, data: { email: uniqueEmail("invitee"), role: "spare-a" } }),
  },
  "revoke invitation": {
    permission: "members:invite",
    run: (actor, s) => revokeInvitation({ actor, organizationId: s.organizationId, invitationId: s.invitationId }),
  },
  "resend invitation": {
    permission: "members:invite",
    run: (actor, s) => resendInvitation({ actor, organizationId: s.organizationId, invitationId: s.invitationId }),
  },
  "list roles": { permission: "organization:read", run: (actor, s) => listRoles({ actor, organizationId: s.organizationId }) },
  "create role": {
    permission: "roles:manage",
    run: (actor, s) => createRole({ actor, organizationId: s.organizationId, data: { name: "new-role", permissions: [] } }),
  },
  "update role": {
    permission: "roles:manage",
    run: (actor, s) => updateRole({ actor, organizationId: s.organizationId, roleId: s.spareRoleId, data: { description: "Changed" } }),
  },
  "delete role": {
    permission: "roles:manage",
    run: (actor, s) => deleteRole({ actor, organizationId: s.organizationId, roleId: s.spareRoleId }),
  },
  "list groups": { permission: "members:read", run: (actor, s) => listGroups({ actor, organizationId: s.organizationId, query }) },
  "list group members": {
    permission: "members:read",
    run: (actor, s) => listGroupMembers({ actor, organizationId: s.organizationId, groupId: s.groupId, query }),
  },
  "create group": {
    permission: "groups:manage",
    run: (actor, s) => createGroup({ actor, organizationId: s.organizationId, data: { name: "New group" } }),
  },
  "update group": {
    permission: "groups:manage",
    run: (actor, s) => updateGroup({ actor, organizationId: s.organizationId, groupId: s.groupId, data: { description: "Changed" } }),
  },
  "delete group": {
    permission: "groups:manage",
    run: (actor, s) => deleteGroup({ actor, organizationId: s.organizationId, groupId: s.groupId }),
  },
  "add group member": {
    permission: "groups:manage",
    run: (actor, s) => addGroupMember({ actor, organizationId: s.organizationId, groupId: s.groupId, data: { userId: s.targetUserId } }),
  },
  "remove group member": {
    permission: "groups:manage",
    run: (actor, s) => removeGroupMember({ actor, organizationId: s.organizationId, groupId: s.groupId, userId: s.targetUserId }),
  },
  "list webhooks": { permission: "webhooks:manage", run: (actor, s) => findWebhooks({ actor, organizationId: s.organizationId }) },
  "create webhook": {
    permission: "webhooks:manage",
    // A public IP literal: the address check needs no DNS.
    run: (actor, s) =>
      createWebhook({
        actor,
        organizationId: s.organizationId,
        data: { url: "https://93.184.215.14/hooks", eventTypes: ["member.added"] },
      }),
  },
  "list SCIM tokens": { permission: "scim:manage", run: (actor, s) => findScimTokens({ actor, organizationId: s.organizationId }) },
  "create SCIM token": {
    permission: "scim:manage",
    run: (actor, s) => createScimToken({ actor, organizationId: s.organizationId, data: { name: "Directory", password } }),
  },
  "revoke SCIM token": {
    permission: "scim:manage",
    run: (actor, s) => revokeScimToken({ actor, organizationId: s.organizationId, tokenId: s.scimTokenId }),
  },
  "list domains": {
    permission: "organization:read",
    run: (actor, s) => findOrganizationDomains({ actor, organizationId: s.organizationId }),
  },
  "add domain": {
    permission: "domains:manage",
    run: (actor, s) => addOrganizationDomain({ actor, organizationId: s.organizationId, data: { domain: uniqueDomain() } }),
  },
  "remove domain": {
    permission: "domains:manage",
    run: (actor, s) => removeOrganizationDomain({ actor, organizationId: s.organizationId, domainId: s.domainId }),
  },
  // Vouching without DNS hands the domain's accounts to a directory: superadmins only, whatever the role here.
  "trust domain": {
    permission: "domains:manage",
    run: (actor, s) => verifyOrganizationDomain({ actor, organizationId: s.organizationId, domainId: s.domainId, data: { trust: true } }),
  },
};
