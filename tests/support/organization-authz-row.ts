import type { OrganizationPermission } from "@/lib/auth/permission-catalogue";
import { byCaller, type MatrixRequest } from "@/tests/support/authz-matrix";

/** What a row of the organization tables is: the kinds of caller, the scene a row is called against, and the row itself. */

/**
 * ownerTokenElsewhere: the owner's read-write token limited to another organization,
 * which acts nowhere else. customWith / customWithout hold a custom role with, or
 * without, the one permission the endpoint needs.
 */
export const organizationCallers = [
  "nonMember",
  "member",
  "admin",
  "owner",
  "customWith",
  "customWithout",
  "superadmin",
  "ownerTokenElsewhere",
] as const;
export type OrganizationCaller = (typeof organizationCallers)[number];

/**
 * An organization with one member of every kind, custom roles "spare-a" and "spare-b"
 * (`roleId`), a member `targetId` in spare-a and in a group (`groupId`), a pending
 * invitation, and an outsider with an account of their own.
 */
export type OrganizationScene = {
  id: string;
  targetId: string;
  roleId: string;
  invitationId: string;
  outsiderEmail: string;
  /** A group granting nothing, with the target in it. */
  groupId: string;
};

export type OrganizationRow = {
  endpoint: string;
  permission: OrganizationPermission;
  request: (scene: OrganizationScene) => MatrixRequest;
  expected: Record<OrganizationCaller, number>;
};

/** Where the scene's organization is in the API; rows append their endpoint's path. */
export const organizationPath = (scene: OrganizationScene) => `/api/v1/organizations/${scene.id}`;

/** One row of an organization table: the statuses are written in the order of `organizationCallers`. */
export const organizationRow = (
  endpoint: string,
  permission: OrganizationPermission,
  request: (scene: OrganizationScene) => MatrixRequest,
  statuses: number[],
): OrganizationRow => ({ endpoint, permission, request, expected: byCaller(organizationCallers, statuses) });
