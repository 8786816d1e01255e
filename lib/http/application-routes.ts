import { etagOf, versionFromIfMatch } from "@/lib/http/etag";
import { routeParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { applicationCreateSchema, applicationUpdateSchema } from "@/lib/schemas/application";
import { createApplication } from "@/lib/services/applications/create-application";
import { deleteApplication } from "@/lib/services/applications/delete-application";
import { findApplications } from "@/lib/services/applications/find-applications";
import { getApplication } from "@/lib/services/applications/get-application";
import { rotateApplicationSecret } from "@/lib/services/applications/rotate-application-secret";
import { updateApplication } from "@/lib/services/applications/update-application";

/**
 * Global applications (`/api/v1/applications/…`) and an organization's
 * (`/api/v1/organizations/:id/applications/…`) are the same resource in two scopes, so
 * their route files share these handlers and differ only in where the scope comes from.
 */
type Params = Record<string, string | string[] | undefined>;
type ApplicationScope = { of: (params: Params) => { organizationId: string | null }; actions: "global-applications" | "applications" };
type Verb = "read" | "create" | "update" | "delete" | "rotate-secret";
const action = (scope: ApplicationScope, verb: Verb) => `${scope.actions}.${verb}` as const;
const applicationId = (params: Params) => routeParam(params, "applicationId");

export const globalScope: ApplicationScope = { of: () => ({ organizationId: null }), actions: "global-applications" };
export const organizationScope: ApplicationScope = {
  of: (params) => ({ organizationId: routeParam(params, "id") }),
  actions: "applications",
};

const noStore = { "cache-control": "no-store" };

/** GET (list) and POST (register; a confidential application's secret is shown once) on the collection. */
export const applicationCollectionRoutes = (scope: ApplicationScope) => ({
  GET: withApi(async ({ actor, params }) => Response.json({ data: await findApplications({ actor, ...scope.of(params) }) }), {
    action: action(scope, "read"),
  }),
  POST: withApi(
    async ({ actor, params, body }) =>
      Response.json(await createApplication({ actor, ...scope.of(params), data: body }), { status: 201, headers: noStore }),
    { action: action(scope, "create"), body: applicationCreateSchema },
  ),
});

/** GET, PATCH (If-Match honoured) and DELETE on one application. */
export const applicationItemRoutes = (scope: ApplicationScope) => ({
  GET: withApi(
    async ({ actor, params }) => {
      const application = await getApplication({ actor, ...scope.of(params), applicationId: applicationId(params) });
      return Response.json(application, { headers: { etag: etagOf(application.version) } });
    },
    { action: action(scope, "read") },
  ),
  PATCH: withApi(
    async ({ actor, params, body, request }) => {
      const application = await updateApplication({
        actor,
        ...scope.of(params),
        applicationId: applicationId(params),
        data: body,
        expectedVersion: versionFromIfMatch(request),
      });
      return Response.json(application, { headers: { etag: etagOf(application.version) } });
    },
    { action: action(scope, "update"), body: applicationUpdateSchema },
  ),
  DELETE: withApi(
    async ({ actor, params }) => {
      await deleteApplication({ actor, ...scope.of(params), applicationId: applicationId(params) });
      return new Response(null, { status: 204 });
    },
    { action: action(scope, "delete") },
  ),
});

/** POST: a new client secret, shown once; the old one works for 24 hours more. */
export const rotateApplicationSecretRoute = (scope: ApplicationScope) =>
  withApi(
    async ({ actor, params }) =>
      Response.json(await rotateApplicationSecret({ actor, ...scope.of(params), applicationId: applicationId(params) }), {
        headers: noStore,
      }),
    { action: action(scope, "rotate-secret") },
  );
