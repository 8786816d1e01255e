import { z } from "zod";
import { ifMatchHeader, jsonAnswer, jsonBody, readingProblems, writingProblems } from "@/lib/openapi/path-helpers";
import { authenticated, registry } from "@/lib/openapi/registry";
import {
  groupCreateSchema,
  groupMemberAddSchema,
  groupMemberPublicSchema,
  groupPublicSchema,
  groupUpdateSchema,
} from "@/lib/schemas/group";
import { pageSchema, paginationQuerySchema } from "@/lib/schemas/pagination";

const group = registry.register("Group", groupPublicSchema);
const groupMember = registry.register("GroupMember", groupMemberPublicSchema);
const ids = (...names: string[]) => z.object(Object.fromEntries(names.map((name) => [name, z.string()])));

const reads = "Needs `members:read` in the organization. 404 when the caller cannot see the organization or the group.";
const manages =
  "Needs `groups:manage` (owners and admins by default) and every permission of the roles the group grants, before and after the change: putting someone in a group hands them its roles. A group never grants `owner`. Audited and sent to webhooks as `group.*`.";

const routes = [
  {
    method: "get",
    path: "/api/v1/organizations/{id}/groups",
    summary: "The organization's groups",
    description: reads,
    request: { params: ids("id"), query: paginationQuerySchema },
    responses: { 200: jsonAnswer(pageSchema(group), "A page, oldest first."), ...readingProblems },
  },
  {
    method: "post",
    path: "/api/v1/organizations/{id}/groups",
    summary: "Create a group",
    description: `${manages} 409 when the name or external id is taken in the organization.`,
    request: { params: ids("id"), ...jsonBody(groupCreateSchema) },
    responses: { 201: jsonAnswer(group, "Created, with no members."), ...writingProblems },
  },
  {
    method: "get",
    path: "/api/v1/organizations/{id}/groups/{groupId}",
    summary: "One group",
    description: reads,
    request: { params: ids("id", "groupId") },
    responses: { 200: jsonAnswer(group, "The group; its ETag is its version."), ...readingProblems },
  },
  {
    method: "patch",
    path: "/api/v1/organizations/{id}/groups/{groupId}",
    summary: "Rename a group, or change the roles it grants",
    description: `${manages} \`roles\`, when sent, replaces the list.`,
    request: { params: ids("id", "groupId"), headers: ifMatchHeader, ...jsonBody(groupUpdateSchema) },
    responses: { 200: jsonAnswer(group, "Updated."), ...writingProblems },
  },
  {
    method: "delete",
    path: "/api/v1/organizations/{id}/groups/{groupId}",
    summary: "Delete a group",
    description: manages,
    request: { params: ids("id", "groupId"), headers: ifMatchHeader },
    responses: { 204: { description: "Deleted." }, ...writingProblems },
  },
  {
    method: "get",
    path: "/api/v1/organizations/{id}/groups/{groupId}/members",
    summary: "Who is in a group",
    description: `${reads} \`activeMember\` is false for someone the organization's directory deactivated: their groups wait for them and grant nothing meanwhile.`,
    request: { params: ids("id", "groupId"), query: paginationQuerySchema },
    responses: { 200: jsonAnswer(pageSchema(groupMember), "A page, by user id."), ...readingProblems },
  },
  {
    method: "post",
    path: "/api/v1/organizations/{id}/groups/{groupId}/members",
    summary: "Put someone in a group",
    description: `${manages} By user id or by the email of their account; they must be a member of the organization, or a user its directory provisioned. Adding someone already in the group changes nothing.`,
    request: { params: ids("id", "groupId"), ...jsonBody(groupMemberAddSchema) },
    responses: { 201: jsonAnswer(groupMember, "In the group."), ...writingProblems },
  },
  {
    method: "delete",
    path: "/api/v1/organizations/{id}/groups/{groupId}/members/{userId}",
    summary: "Take someone out of a group",
    description: manages,
    request: { params: ids("id", "groupId", "userId") },
    responses: { 204: { description: "Out of the group." }, ...writingProblems },
  },
] as const;

for (const route of routes) {
  registry.registerPath({ ...route, tags: ["Organizations"], security: authenticated } as Parameters<typeof registry.registerPath>[0]);
}
