import { randomUUID } from "node:crypto";
import { organizationGroupRows } from "@/tests/support/organization-group-authz-rows";
import { organizationPath as base, organizationRow, type OrganizationRow } from "@/tests/support/organization-authz-row";
import { uniqueEmail } from "@/tests/support/unique-email";

/** Who may call which organization endpoint, and what each kind of caller is answered (tests/api/organizations-authz.test.ts). */

// The same table as the service test. Adding a member is 202 (an invitation) for
// everyone but a global administrator, who adds an existing account at once.
//                nonMember member admin owner customWith customWithout superadmin ownerTokenElsewhere
export const organizationMatrix: OrganizationRow[] = [
  organizationRow(
    "GET /organizations/:id",
    "organization:read",
    (s) => ({ method: "GET", path: base(s) }),
    [404, 200, 200, 200, 200, 200, 200, 404],
  ),
  organizationRow(
    "PATCH /organizations/:id",
    "organization:update",
    (s) => ({ method: "PATCH", path: base(s), body: { name: "Renamed" } }),
    [404, 403, 200, 200, 200, 403, 200, 404],
  ),
  organizationRow(
    "DELETE /organizations/:id",
    "organization:delete",
    (s) => ({ method: "DELETE", path: base(s) }),
    [404, 403, 403, 204, 204, 403, 204, 404],
  ),
  organizationRow(
    "GET …/members",
    "members:read",
    (s) => ({ method: "GET", path: `${base(s)}/members` }),
    [404, 200, 200, 200, 200, 403, 200, 404],
  ),
  organizationRow(
    "POST …/members",
    "members:invite",
    (s) => ({ method: "POST", path: `${base(s)}/members`, body: { email: s.outsiderEmail, role: "spare-a" } }),
    [404, 403, 202, 202, 202, 403, 201, 404],
  ),
  organizationRow(
    "PATCH …/members/:userId",
    "members:update",
    (s) => ({ method: "PATCH", path: `${base(s)}/members/${s.targetId}`, body: { role: "spare-b" } }),
    [404, 403, 200, 200, 200, 403, 200, 404],
  ),
  organizationRow(
    "GET …/members/:userId",
    "members:read",
    (s) => ({ method: "GET", path: `${base(s)}/members/${s.targetId}` }),
    [404, 200, 200, 200, 200, 403, 200, 404],
  ),
  organizationRow(
    "PATCH …/members/:userId enterprise",
    "members:update",
    (s) => ({ method: "PATCH", path: `${base(s)}/members/${s.targetId}`, body: { enterprise: { department: "Sales" } } }),
    [404, 403, 200, 200, 200, 403, 200, 404],
  ),
  organizationRow(
    "DELETE …/members/:userId",
    "members:remove",
    (s) => ({ method: "DELETE", path: `${base(s)}/members/${s.targetId}` }),
    [404, 403, 204, 204, 204, 403, 204, 404],
  ),
  organizationRow(
    "GET …/invitations",
    "members:invite",
    (s) => ({ method: "GET", path: `${base(s)}/invitations` }),
    [404, 403, 200, 200, 200, 403, 200, 404],
  ),
  organizationRow(
    "POST …/invitations",
    "members:invite",
    (s) => ({ method: "POST", path: `${base(s)}/invitations`, body: { email: uniqueEmail("inv"), role: "spare-a" } }),
    [404, 403, 201, 201, 201, 403, 201, 404],
  ),
  organizationRow(
    "DELETE …/invitations/:id",
    "members:invite",
    (s) => ({ method: "DELETE", path: `${base(s)}/invitations/${s.invitationId}` }),
    [404, 403, 204, 204, 204, 403, 204, 404],
  ),
  organizationRow(
    "POST …/invitations/:id/resend",
    "members:invite",
    (s) => ({ method: "POST", path: `${base(s)}/invitations/${s.invitationId}/resend` }),
    [404, 403, 200, 200, 200, 403, 200, 404],
  ),
  organizationRow(
    "GET …/roles",
    "organization:read",
    (s) => ({ method: "GET", path: `${base(s)}/roles` }),
    [404, 200, 200, 200, 200, 200, 200, 404],
  ),
  organizationRow(
    "POST …/roles",
    "roles:manage",
    (s) => ({ method: "POST", path: `${base(s)}/roles`, body: { name: "fresh", permissions: [] } }),
    [404, 403, 201, 201, 201, 403, 201, 404],
  ),
  organizationRow(
    "PATCH …/roles/:roleId",
    "roles:manage",
    (s) => ({ method: "PATCH", path: `${base(s)}/roles/${s.roleId}`, body: { description: "x" } }),
    [404, 403, 200, 200, 200, 403, 200, 404],
  ),
  organizationRow(
    "DELETE …/roles/:roleId",
    "roles:manage",
    (s) => ({ method: "DELETE", path: `${base(s)}/roles/${s.roleId}` }),
    [404, 403, 204, 204, 204, 403, 204, 404],
  ),
  ...organizationGroupRows,
  organizationRow(
    "GET …/audit-events",
    "audit:read",
    (s) => ({ method: "GET", path: `${base(s)}/audit-events` }),
    [404, 403, 200, 200, 200, 403, 200, 404],
  ),
  organizationRow(
    "GET …/audit-events/export",
    "audit:read",
    (s) => ({ method: "GET", path: `${base(s)}/audit-events/export` }),
    [404, 403, 200, 200, 200, 403, 200, 404],
  ),
  organizationRow(
    "GET …/webhooks",
    "webhooks:manage",
    (s) => ({ method: "GET", path: `${base(s)}/webhooks` }),
    [404, 403, 200, 200, 200, 403, 200, 404],
  ),
  organizationRow(
    "POST …/webhooks",
    "webhooks:manage",
    // A loopback target: the route tests allow private targets, as the e2e server does.
    (s) => ({ method: "POST", path: `${base(s)}/webhooks`, body: { url: "http://127.0.0.1:9/hooks", eventTypes: ["member.added"] } }),
    [404, 403, 201, 201, 201, 403, 201, 404],
  ),
  organizationRow(
    "GET …/domains",
    "organization:read",
    (s) => ({ method: "GET", path: `${base(s)}/domains` }),
    [404, 200, 200, 200, 200, 200, 200, 404],
  ),
  organizationRow(
    "POST …/domains",
    "domains:manage",
    (s) => ({ method: "POST", path: `${base(s)}/domains`, body: { domain: `matrix-${randomUUID().slice(0, 13)}.test` } }),
    [404, 403, 403, 201, 201, 403, 201, 404],
  ),
  organizationRow(
    "GET …/attributes",
    "organization:read",
    (s) => ({ method: "GET", path: `${base(s)}/attributes` }),
    [404, 200, 200, 200, 200, 200, 200, 404],
  ),
  organizationRow(
    "POST …/attributes",
    "attributes:manage",
    (s) => ({ method: "POST", path: `${base(s)}/attributes`, body: { key: `k${randomUUID().slice(0, 8)}`, label: "Desk", type: "text" } }),
    [404, 403, 403, 201, 201, 403, 201, 404],
  ),
];
