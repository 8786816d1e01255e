import { z } from "zod";
import { ifMatchHeader, jsonAnswer, jsonBody, readingProblems, scopedPaths, writingProblems } from "@/lib/openapi/path-helpers";
import { problems, registry } from "@/lib/openapi/registry";
import {
  applicationCreateSchema,
  applicationPublicSchema,
  applicationUpdateSchema,
  applicationWithSecretSchema,
} from "@/lib/schemas/application";

const application = registry.register("Application", applicationPublicSchema);
const applicationWithSecret = registry.register("ApplicationWithSecret", applicationWithSecretSchema);

const scopes = [
  {
    prefix: "/api/v1/applications",
    params: [] as string[],
    who: "Needs `global-applications:manage` (superadmins). Anyone with an account may sign in to a global application; only a global one may be first-party (no consent asked).",
  },
  {
    prefix: "/api/v1/organizations/{id}/applications",
    params: ["id"],
    who: "Needs `applications:manage` in the organization (owners and admins); 404 for an organization the caller cannot see. Only the organization's members may sign in to its applications, and their tokens reach this organization only.",
  },
];

const confirmation =
  "Registering, changing and rotating need a recent confirmation (403 `reauthentication_required` otherwise): they decide where people's tokens may go.";

for (const { prefix, params, who } of scopes) {
  const { ids, register } = scopedPaths({ prefix, params, who: `${who} ${confirmation}`, tag: "Applications" });
  register({
    method: "get",
    path: "",
    summary: "Applications (OAuth clients)",
    request: { params: ids() },
    responses: { 200: jsonAnswer(z.object({ data: z.array(application) }), "Oldest first."), ...readingProblems },
  });
  register({
    method: "post",
    path: "",
    summary: "Register an application; a confidential one's `clientSecret` is shown once",
    request: { params: ids(), ...jsonBody(applicationCreateSchema) },
    responses: {
      201: jsonAnswer(
        applicationWithSecret,
        "Registered. `web` and `machine` applications get a client secret (client_secret_basic); `spa` and `native` are public clients and must use PKCE (S256). Redirect URIs are matched exactly.",
      ),
      ...writingProblems,
    },
  });
  register({
    method: "get",
    path: "/{applicationId}",
    summary: "One application (ETag)",
    request: { params: ids("applicationId") },
    responses: { 200: jsonAnswer(application, "The application."), ...readingProblems },
  });
  register({
    method: "patch",
    path: "/{applicationId}",
    summary: "Change an application; `enabled: false` stops its sign-ins and tokens at once",
    request: { params: ids("applicationId"), headers: ifMatchHeader, ...jsonBody(applicationUpdateSchema) },
    responses: { 200: jsonAnswer(application, "Updated."), ...writingProblems },
  });
  register({
    method: "delete",
    path: "/{applicationId}",
    summary: "Remove an application; its tokens stop working",
    request: { params: ids("applicationId") },
    responses: { 204: { description: "Removed." }, ...readingProblems },
  });
  register({
    method: "post",
    path: "/{applicationId}/rotate-secret",
    summary: "A new client secret, shown once",
    request: { params: ids("applicationId") },
    responses: {
      200: jsonAnswer(applicationWithSecret, "Rotated. The old secret works for 24 hours more."),
      ...readingProblems,
      409: problems[409],
    },
  });
}
