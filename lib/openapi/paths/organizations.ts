import { z } from "zod";
import { authenticated, problems, registry } from "@/lib/openapi/registry";
import {
  invitationCreateSchema,
  invitationPublicSchema,
  memberAddSchema,
  memberPublicSchema,
  memberUpdateSchema,
  memberDetailSchema,
  organizationCreateSchema,
  organizationPublicSchema,
  organizationUpdateSchema,
  permissionPublicSchema,
  roleCreateSchema,
  rolePublicSchema,
  roleUpdateSchema,
} from "@/lib/schemas/organization";
import { pageSchema, paginationQuerySchema } from "@/lib/schemas/pagination";

const organization = registry.register("Organization", organizationPublicSchema);
const member = registry.register("Member", memberPublicSchema);
const memberDetail = registry.register("MemberDetail", memberDetailSchema);
const invitation = registry.register("Invitation", invitationPublicSchema);
const role = registry.register("OrganizationRole", rolePublicSchema);
const permission = registry.register("Permission", permissionPublicSchema);

const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema } } });
const body = (schema: z.ZodType) => ({ body: { content: { "application/json": { schema } } } });
const ifMatch = z.object({ "if-match": z.string().optional().meta({ description: "The ETag of the version being changed." }) });
const ids = (...names: string[]) => z.object(Object.fromEntries(names.map((name) => [name, z.string()])));
const noContent = { description: "Done." };
const reading = { 401: problems[401], 403: problems[403], 404: problems[404] };
const writing = { ...reading, 409: problems[409], 412: problems[412], 415: problems[415], 422: problems[422] };

type Route = {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  summary: string;
  description?: string;
  request?: Record<string, unknown>;
  responses: Record<number, unknown>;
};

const routes: Route[] = [
  {
    method: "get",
    path: "/api/v1/organizations",
    summary: "The caller's organizations (all for a superadmin)",
    request: { query: paginationQuerySchema },
    responses: { 200: json(pageSchema(organization), "A page."), 401: problems[401], 422: problems[422] },
  },
  {
    method: "post",
    path: "/api/v1/organizations",
    summary: "Create an organization; the caller becomes its owner",
    request: body(organizationCreateSchema),
    responses: { 201: json(organization, "Created."), ...writing },
  },
  {
    method: "get",
    path: "/api/v1/organizations/{id}",
    summary: "One organization (ETag)",
    request: { params: ids("id") },
    responses: { 200: json(organization, "The organization."), ...reading },
  },
  {
    method: "patch",
    path: "/api/v1/organizations/{id}",
    summary: "Rename or change the address",
    request: { params: ids("id"), headers: ifMatch, ...body(organizationUpdateSchema) },
    responses: { 200: json(organization, "Updated."), ...writing },
  },
  {
    method: "delete",
    path: "/api/v1/organizations/{id}",
    summary: "Delete an organization (owners)",
    request: { params: ids("id"), headers: ifMatch },
    responses: { 204: noContent, ...writing },
  },
  {
    method: "get",
    path: "/api/v1/organizations/{id}/members",
    summary: "Members and their roles",
    request: { params: ids("id"), query: paginationQuerySchema },
    responses: { 200: json(pageSchema(member), "A page."), ...reading },
  },
  {
    method: "post",
    path: "/api/v1/organizations/{id}/members",
    summary: "Add a member: an invitation by email, or an existing account at once for global administrators",
    description:
      "Callers other than global administrators always get 202 and an invitation mailed to the address, whether or not it has an account, so the answer reveals nothing about who is registered and nobody joins without accepting. Global administrators add an existing account at once (201), by email or user id; for them an unknown account is 404. Adding by `userId` is for global administrators only (403).",
    request: { params: ids("id"), ...body(memberAddSchema) },
    responses: {
      201: json(member, "Added (global administrators)."),
      202: json(invitation, "Invited: the person joins on accepting."),
      ...writing,
    },
  },
  {
    method: "get",
    path: "/api/v1/organizations/{id}/members/{userId}",
    summary: "One member, with their enterprise attributes in this organization",
    description: "The `ETag` is the member's version, for If-Match on PATCH and DELETE.",
    request: { params: ids("id", "userId") },
    responses: { 200: json(memberDetail, "The member."), ...reading },
  },
  {
    method: "patch",
    path: "/api/v1/organizations/{id}/members/{userId}",
    summary: "Change a member's role, enterprise attributes, or both",
    description:
      "Enterprise attributes belong to the organization, not the account, and outlive the membership: a directory that deactivates and reactivates the user finds them again. The manager must be a user of the organization (422 naming `enterprise.managerId` otherwise).",
    request: { params: ids("id", "userId"), headers: ifMatch, ...body(memberUpdateSchema) },
    responses: { 200: json(memberDetail, "Updated."), ...writing },
  },
  {
    method: "delete",
    path: "/api/v1/organizations/{id}/members/{userId}",
    summary: "Remove a member, or leave with one's own id",
    request: { params: ids("id", "userId"), headers: ifMatch },
    responses: { 204: noContent, ...writing },
  },
  {
    method: "get",
    path: "/api/v1/organizations/{id}/invitations",
    summary: "Invitations not yet accepted or revoked",
    request: { params: ids("id"), query: paginationQuerySchema },
    responses: { 200: json(pageSchema(invitation), "A page."), ...reading },
  },
  {
    method: "post",
    path: "/api/v1/organizations/{id}/invitations",
    summary: "Invite an email address; the link is sent by email only",
    request: { params: ids("id"), ...body(invitationCreateSchema) },
    responses: { 201: json(invitation, "Invited."), ...writing },
  },
  {
    method: "delete",
    path: "/api/v1/organizations/{id}/invitations/{invitationId}",
    summary: "Revoke an invitation",
    request: { params: ids("id", "invitationId") },
    responses: { 204: noContent, ...writing },
  },
  {
    method: "post",
    path: "/api/v1/organizations/{id}/invitations/{invitationId}/resend",
    summary: "Mail a new link; the old one stops working",
    request: { params: ids("id", "invitationId") },
    responses: { 200: json(invitation, "Resent."), ...writing },
  },
  {
    method: "post",
    path: "/api/v1/invitations/{token}/accept",
    summary: "Accept an invitation sent to the caller's email",
    request: { params: ids("token") },
    responses: { 200: json(organization, "Joined."), ...writing },
  },
  {
    method: "get",
    path: "/api/v1/organizations/{id}/roles",
    summary: "Built-in and custom roles",
    request: { params: ids("id") },
    responses: { 200: json(z.object({ data: z.array(role) }), "Every role."), ...reading },
  },
  {
    method: "post",
    path: "/api/v1/organizations/{id}/roles",
    summary: "Create a custom role",
    request: { params: ids("id"), ...body(roleCreateSchema) },
    responses: { 201: json(role, "Created."), ...writing },
  },
  {
    method: "patch",
    path: "/api/v1/organizations/{id}/roles/{roleId}",
    summary: "Change a custom role",
    request: { params: ids("id", "roleId"), headers: ifMatch, ...body(roleUpdateSchema) },
    responses: { 200: json(role, "Updated."), ...writing },
  },
  {
    method: "delete",
    path: "/api/v1/organizations/{id}/roles/{roleId}",
    summary: "Delete an unused custom role",
    request: { params: ids("id", "roleId"), headers: ifMatch },
    responses: { 204: noContent, ...writing },
  },
  {
    method: "get",
    path: "/api/v1/permissions",
    summary: "The permission codes roles can grant",
    responses: { 200: json(z.object({ data: z.array(permission) }), "The catalogue."), 401: problems[401] },
  },
];

for (const route of routes) {
  registry.registerPath({ ...route, tags: ["Organizations"], security: authenticated } as Parameters<typeof registry.registerPath>[0]);
}
