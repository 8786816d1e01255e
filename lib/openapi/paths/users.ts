import { z } from "zod";
import { authenticated, problems, registry } from "@/lib/openapi/registry";
import { pageSchema } from "@/lib/schemas/pagination";
import {
  managedUserDetailSchema,
  managedUserSchema,
  userExportRowSchema,
  sessionsRevokedSchema,
  sessionsRevokeSchema,
  userCreateSchema,
  userExportDocumentedQuerySchema,
  userListDocumentedQuerySchema,
  userPublicSchema,
  userSelfUpdateSchema,
  userUpdateSchema,
} from "@/lib/schemas/user";
import { userImportQuerySchema, userImportReportSchema, userImportRowSchema } from "@/lib/schemas/user-import";

const user = registry.register("User", userPublicSchema);
const managedUser = registry.register("ManagedUser", managedUserSchema);
const managedUserDetail = registry.register("ManagedUserDetail", managedUserDetailSchema);
const userId = z.object({ id: z.uuid().meta({ description: "The user's id." }) });
const etag = { ETag: { description: 'The version, for If-Match: `"3"`.', schema: { type: "string" as const } } };
const json = <T extends z.ZodType>(schema: T, description: string, headers?: typeof etag) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { "application/json": { schema } },
});
// Callers who may not see users (not users:read, or a token limited to an organization) get 404; 403 is for a
// caller who sees the user but may not do this, or a token without the method's scope.
const adminProblems = { 401: problems[401], 403: problems[403], 404: problems[404], 422: problems[422] };
const bodyProblems = { 400: problems[400], 413: problems[413], 415: problems[415] };

registry.registerPath({
  method: "get",
  path: "/api/v1/users/me",
  tags: ["Users"],
  summary: "The signed-in user",
  security: authenticated,
  responses: { 200: json(user, "The caller's own record."), 401: problems[401] },
});

registry.registerPath({
  method: "patch",
  path: "/api/v1/users/me",
  tags: ["Users"],
  summary: "Change your own name and profile",
  description:
    "Only the profile fields the installation allows (`PROFILE_SELF_EDITABLE`); a request naming another is refused whole with 403, its `errors` naming each such field (`profile.title`).",
  security: authenticated,
  request: { body: { content: { "application/json": { schema: userSelfUpdateSchema } } } },
  responses: {
    200: json(user, "The updated record."),
    ...bodyProblems,
    401: problems[401],
    403: problems[403],
    422: problems[422],
  },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/users",
  tags: ["Users"],
  summary: "List users",
  description:
    "Needs `users:read` (administrators); anyone else gets 404. Search `q` matches email and name. Deleted users are listed only with `status=deleted`. " +
    "`hasMfa=true` or `false` keeps users with or without a confirmed second factor. " +
    "`attribute.<key>=<value>` keeps users whose installation attribute has that value (typed by its definition); `sort=attribute.<key>` orders by one, users without a value last. " +
    "With `page` the answer has `total`; without it, walk by `cursor` (each answer's `nextCursor`), which never counts.",
  security: authenticated,
  request: { query: userListDocumentedQuerySchema },
  responses: { 200: json(pageSchema(managedUser), "One page of users."), ...adminProblems },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/users",
  tags: ["Users"],
  summary: "Create a user",
  description: "With a `password`, or with `invite: true` to email a link (valid 7 days) for choosing one.",
  security: authenticated,
  request: { body: { content: { "application/json": { schema: userCreateSchema } } } },
  responses: { 201: json(managedUser, "Created.", etag), ...bodyProblems, ...adminProblems, 409: problems[409] },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/users/{id}",
  tags: ["Users"],
  summary: "Get a user",
  description: "With the user's second factors (kind, name, when added and last used; never a secret) and `mfaEnabled`.",
  security: authenticated,
  request: { params: userId },
  responses: { 200: json(managedUserDetail, "The user.", etag), ...adminProblems, 404: problems[404] },
});

registry.registerPath({
  method: "patch",
  path: "/api/v1/users/{id}",
  tags: ["Users"],
  summary: "Change a user's name, profile, role or status",
  description:
    "Send the ETag of your last read in `If-Match`; if the user changed since, the answer is 412. `profile` changes only the fields it names; `null` or an empty string clears one.",
  security: authenticated,
  request: {
    params: userId,
    headers: z.object({ "if-match": z.string().optional().meta({ description: 'An ETag such as "3".' }) }),
    body: { content: { "application/json": { schema: userUpdateSchema } } },
  },
  responses: {
    200: json(managedUser, "The updated user.", etag),
    ...bodyProblems,
    ...adminProblems,
    404: problems[404],
    409: problems[409],
    412: problems[412],
  },
});

registry.registerPath({
  method: "delete",
  path: "/api/v1/users/{id}",
  tags: ["Users"],
  summary: "Delete a user (restorable)",
  description: "Soft delete: the user disappears from lists, their sessions end, and they can be restored within the restore window.",
  security: authenticated,
  request: { params: userId },
  responses: { 200: json(managedUser, "The deleted user.", etag), ...adminProblems, 404: problems[404], 409: problems[409] },
});

const actions = [
  ["restore", "Restore a deleted user", "Within USER_RESTORE_WINDOW_DAYS of the deletion."],
  ["disable", "Disable a user", "Blocks sign-in and ends every session at once."],
  ["enable", "Enable a disabled user", "The user can sign in again."],
  ["unlock", "Unlock a user", "Clears failed sign-ins and the lockout."],
] as const;

for (const [action, summary, description] of actions) {
  registry.registerPath({
    method: "post",
    path: `/api/v1/users/{id}/${action}`,
    tags: ["Users"],
    summary,
    description,
    security: authenticated,
    request: { params: userId },
    responses: { 200: json(managedUser, "The user.", etag), ...adminProblems, 404: problems[404], 409: problems[409] },
  });
}

registry.registerPath({
  method: "post",
  path: "/api/v1/users/{id}/purge",
  tags: ["Users"],
  summary: "Erase a deleted user's personal data",
  description: "Only for deleted users. Email becomes `deleted-<id>@invalid`; name, password, sessions and tokens go. Cannot be undone.",
  security: authenticated,
  request: { params: userId },
  responses: {
    200: json(z.object({ id: z.uuid(), purged: z.literal(true) }), "Purged."),
    ...adminProblems,
    404: problems[404],
    409: problems[409],
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/users/{id}/sessions/revoke",
  tags: ["Users"],
  summary: "Sign a user out everywhere",
  description:
    "Ends every session and revokes every personal access token of the user; the user is mailed the second factors the account " +
    "has. With `removeFactorsAddedWithinDays` it also removes the factors added in that many days (a confirmed action: 403 " +
    "`reauthentication_required` or `second_factor_required` for a session not confirmed within STEP_UP_MINUTES).",
  security: authenticated,
  request: { params: userId, body: { required: false, ...json(sessionsRevokeSchema, "What else to remove.") } },
  responses: {
    200: json(sessionsRevokedSchema, "How many sessions ended, tokens were revoked and factors removed."),
    ...adminProblems,
    404: problems[404],
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/users/import",
  tags: ["Users"],
  summary: "Import users from CSV or JSON",
  description:
    "CSV with a header line (email,name,role,passwordHash and the profile's givenName,familyName,middleName,nickname,title,phoneNumbers,preferredLanguage,locale,timeZone) or a JSON array of the same objects; at most 5,000 rows. " +
    "A CSV phoneNumbers cell is the JSON list the export writes, or one number, taken as the primary work phone. " +
    "An `attribute.<key>` column sets an installation attribute, checked against its definition (a required one must have a value, a unique one must not repeat). " +
    "`passwordHash` may be an existing bcrypt hash. All or nothing (422 naming `rows.<n>.<field>`) unless `partial=true`; " +
    "`dryRun=true` only validates.",
  security: authenticated,
  request: {
    query: userImportQuerySchema,
    body: {
      content: {
        "text/csv": { schema: z.string() },
        "application/json": { schema: z.array(userImportRowSchema) },
      },
    },
  },
  responses: {
    200: json(userImportReportSchema, "Dry run, or nothing to import: the report."),
    201: json(userImportReportSchema, "Imported."),
    ...bodyProblems,
    ...adminProblems,
    409: problems[409],
  },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/users/export",
  tags: ["Users"],
  summary: "Export users as CSV or JSON",
  description:
    "Every user matching the list's filters, streamed, with a column `attribute.<key>` per installation attribute, named as the import reads it back.",
  security: authenticated,
  request: { query: userExportDocumentedQuerySchema },
  responses: {
    200: {
      description: "The users.",
      content: { "text/csv": { schema: z.string() }, "application/json": { schema: z.array(userExportRowSchema) } },
    },
    ...adminProblems,
  },
});
