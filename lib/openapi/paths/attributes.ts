import { z } from "zod";
import { ifMatchHeader, jsonAnswer, jsonBody, readingProblems, scopedPaths, writingProblems } from "@/lib/openapi/path-helpers";
import { registry } from "@/lib/openapi/registry";
import {
  attributeCreateSchema,
  attributePublicSchema,
  attributeUpdateSchema,
  memberAttributesSchema,
  memberAttributesUpdateSchema,
} from "@/lib/schemas/attributes";

const attribute = registry.register("Attribute", attributePublicSchema);
const etag = { ETag: { description: 'The version, for If-Match: `"3"`.', schema: { type: "string" as const } } };

const scopes = [
  {
    prefix: "/api/v1/attributes",
    params: [] as string[],
    who:
      "Reading needs `users:read`; defining, changing and removing need `global-attributes:manage` (global administrators). " +
      "Users carry the values as `attributes` on `/api/v1/users/{id}`.",
  },
  {
    prefix: "/api/v1/organizations/{id}/attributes",
    params: ["id"],
    who:
      "Anyone who sees the organization reads the definitions; defining, changing and removing need `attributes:manage` " +
      "(owners). 404 for an organization the caller cannot see.",
  },
];

const changeRules =
  "A new type or a shorter list of options must hold every stored value, which then moves to the new type; otherwise 409 naming `type` or `options`. " +
  "Turning `unique` on while two users share a value is 409 naming `unique`.";

for (const { prefix, params, who } of scopes) {
  const { ids, register } = scopedPaths({ prefix, params, who, tag: "Attributes" });
  register({
    method: "get",
    path: "",
    summary: "Custom attribute definitions",
    request: { params: ids() },
    responses: { 200: jsonAnswer(z.object({ data: z.array(attribute) }), "Oldest first."), ...readingProblems },
  });
  register({
    method: "post",
    path: "",
    summary: "Define an attribute",
    request: { params: ids(), ...jsonBody(attributeCreateSchema) },
    responses: {
      201: { ...jsonAnswer(attribute, "Defined; 409 naming `key` when the key is taken here."), headers: etag },
      ...writingProblems,
    },
  });
  register({
    method: "get",
    path: "/{key}",
    summary: "One attribute definition (ETag)",
    request: { params: ids("key") },
    responses: { 200: { ...jsonAnswer(attribute, "The definition."), headers: etag }, ...readingProblems },
  });
  register({
    method: "patch",
    path: "/{key}",
    summary: "Change an attribute; its values follow or the change is refused",
    request: { params: ids("key"), headers: ifMatchHeader, ...jsonBody(attributeUpdateSchema) },
    responses: { 200: { ...jsonAnswer(attribute, `Updated. ${changeRules}`), headers: etag }, ...writingProblems },
  });
  register({
    method: "delete",
    path: "/{key}",
    summary: "Remove an attribute and every value of it",
    request: { params: ids("key"), headers: ifMatchHeader },
    responses: {
      200: jsonAnswer(z.object({ valuesRemoved: z.number().int() }), "Removed; audited and sent as the `attribute.deleted` webhook."),
      ...writingProblems,
    },
  });
}

const member = scopedPaths({
  prefix: "/api/v1/organizations/{id}/members/{userId}/attributes",
  params: ["id", "userId"],
  who:
    "Those who may change members (`members:update`) read and set every attribute; the member reads and sets only those marked " +
    "for them (`userAccess`); other members get 403, and another organization or a non-member 404.",
  tag: "Attributes",
});
member.register({
  method: "get",
  path: "",
  summary: "A member's organization attributes",
  request: { params: member.ids() },
  responses: { 200: jsonAnswer(memberAttributesSchema, "The values the caller may see."), ...readingProblems },
});
member.register({
  method: "patch",
  path: "",
  summary: "Set a member's organization attributes",
  request: { params: member.ids(), ...jsonBody(memberAttributesUpdateSchema) },
  responses: {
    200: jsonAnswer(memberAttributesSchema, "Only the keys sent change; 422 or 409 name the field `attributes.<key>`."),
    ...writingProblems,
  },
});
