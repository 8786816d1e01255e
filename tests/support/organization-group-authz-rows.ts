import { organizationPath as base, organizationRow, type OrganizationRow } from "@/tests/support/organization-authz-row";

/** The organization table's rows for groups and their members (tests/support/organization-authz-matrix.ts). */
//                nonMember member admin owner customWith customWithout superadmin ownerTokenElsewhere
export const organizationGroupRows: OrganizationRow[] = [
  organizationRow(
    "GET …/groups",
    "members:read",
    (s) => ({ method: "GET", path: `${base(s)}/groups` }),
    [404, 200, 200, 200, 200, 403, 200, 404],
  ),
  organizationRow(
    "GET …/groups/:groupId/members",
    "members:read",
    (s) => ({ method: "GET", path: `${base(s)}/groups/${s.groupId}/members` }),
    [404, 200, 200, 200, 200, 403, 200, 404],
  ),
  organizationRow(
    "POST …/groups",
    "groups:manage",
    (s) => ({ method: "POST", path: `${base(s)}/groups`, body: { name: "fresh" } }),
    [404, 403, 201, 201, 201, 403, 201, 404],
  ),
  organizationRow(
    "PATCH …/groups/:groupId",
    "groups:manage",
    (s) => ({ method: "PATCH", path: `${base(s)}/groups/${s.groupId}`, body: { description: "x" } }),
    [404, 403, 200, 200, 200, 403, 200, 404],
  ),
  organizationRow(
    "DELETE …/groups/:groupId",
    "groups:manage",
    (s) => ({ method: "DELETE", path: `${base(s)}/groups/${s.groupId}` }),
    [404, 403, 204, 204, 204, 403, 204, 404],
  ),
  organizationRow(
    "POST …/groups/:groupId/members",
    "groups:manage",
    (s) => ({ method: "POST", path: `${base(s)}/groups/${s.groupId}/members`, body: { userId: s.targetId } }),
    [404, 403, 201, 201, 201, 403, 201, 404],
  ),
  organizationRow(
    "DELETE …/groups/:groupId/members/:userId",
    "groups:manage",
    (s) => ({ method: "DELETE", path: `${base(s)}/groups/${s.groupId}/members/${s.targetId}` }),
    [404, 403, 204, 204, 204, 403, 204, 404],
  ),
];
