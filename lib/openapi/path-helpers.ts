import { z } from "zod";
import { authenticated, problems, registry } from "@/lib/openapi/registry";

/** A JSON answer with its description. */
export const jsonAnswer = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema } } });

/** A JSON request body. */
export const jsonBody = (schema: z.ZodType) => ({ body: { content: { "application/json": { schema } } } });

export const ifMatchHeader = z.object({
  "if-match": z.string().optional().meta({ description: "The ETag of the version being changed." }),
});

/** The refusals of a read, and of a change. */
export const readingProblems = { 401: problems[401], 403: problems[403], 404: problems[404] };
export const writingProblems = { ...readingProblems, 409: problems[409], 412: problems[412], 415: problems[415], 422: problems[422] };

type ScopedRoute = {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  summary: string;
  request?: object;
  responses: object;
};

/**
 * For a resource that lives in two scopes (the installation's, at `/api/v1/<things>`, and
 * an organization's, at `/api/v1/organizations/{id}/<things>`): `ids` makes the path
 * parameters of the scope plus the item's, `register` registers a path under the prefix
 * with the scope's tag and who may call it.
 */
export function scopedPaths({ prefix, params, who, tag }: { prefix: string; params: string[]; who: string; tag: string }) {
  const ids = (...names: string[]) => z.object(Object.fromEntries([...params, ...names].map((name) => [name, z.string()])));
  const register = (route: ScopedRoute) =>
    registry.registerPath({
      ...route,
      path: prefix + route.path,
      tags: [tag],
      description: who,
      security: authenticated,
    } as Parameters<typeof registry.registerPath>[0]);
  return { ids, register };
}
