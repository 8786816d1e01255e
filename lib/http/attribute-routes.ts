import { etagOf, versionFromIfMatch } from "@/lib/http/etag";
import { routeParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { attributeCreateSchema, attributeUpdateSchema } from "@/lib/schemas/attributes";
import { createAttribute } from "@/lib/services/attributes/create-attribute";
import { deleteAttribute } from "@/lib/services/attributes/delete-attribute";
import { getAttribute } from "@/lib/services/attributes/get-attribute";
import { listAttributes } from "@/lib/services/attributes/list-attributes";
import { updateAttribute } from "@/lib/services/attributes/update-attribute";

/**
 * The installation's attributes (`/api/v1/attributes/…`) and an organization's
 * (`/api/v1/organizations/:id/attributes/…`) are one resource in two scopes, so their
 * route files share these handlers and differ only in where the scope comes from.
 */
type Params = Record<string, string | string[] | undefined>;
type AttributeScope = { of: (params: Params) => { organizationId: string | null }; actions: "attributes" | "organization-attributes" };
const action = (scope: AttributeScope, verb: "read" | "create" | "update" | "delete") => `${scope.actions}.${verb}` as const;

export const installationScope: AttributeScope = { of: () => ({ organizationId: null }), actions: "attributes" };
export const organizationScope: AttributeScope = {
  of: (params) => ({ organizationId: routeParam(params, "id") }),
  actions: "organization-attributes",
};

/** GET (list) and POST (define) on the collection. */
export const attributeCollectionRoutes = (scope: AttributeScope) => ({
  GET: withApi(async ({ actor, params }) => Response.json(await listAttributes({ actor, ...scope.of(params) })), {
    action: action(scope, "read"),
  }),
  POST: withApi(
    async ({ actor, params, body }) => {
      const attribute = await createAttribute({ actor, ...scope.of(params), data: body });
      return Response.json(attribute, { status: 201, headers: { etag: etagOf(attribute.version) } });
    },
    { action: action(scope, "create"), body: attributeCreateSchema },
  ),
});

/** GET, PATCH (If-Match honoured) and DELETE on one definition, by key. */
export const attributeItemRoutes = (scope: AttributeScope) => ({
  GET: withApi(
    async ({ actor, params }) => {
      const attribute = await getAttribute({ actor, ...scope.of(params), key: routeParam(params, "key") });
      return Response.json(attribute, { headers: { etag: etagOf(attribute.version) } });
    },
    { action: action(scope, "read") },
  ),
  PATCH: withApi(
    async ({ actor, params, body, request }) => {
      const key = routeParam(params, "key");
      const attribute = await updateAttribute({
        actor,
        ...scope.of(params),
        key,
        data: body,
        expectedVersion: versionFromIfMatch(request),
      });
      return Response.json(attribute, { headers: { etag: etagOf(attribute.version) } });
    },
    { action: action(scope, "update"), body: attributeUpdateSchema },
  ),
  DELETE: withApi(
    async ({ actor, params, request }) =>
      Response.json(
        await deleteAttribute({ actor, ...scope.of(params), key: routeParam(params, "key"), expectedVersion: versionFromIfMatch(request) }),
      ),
    { action: action(scope, "delete") },
  ),
});
