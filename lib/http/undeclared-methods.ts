import "server-only";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/handle-route";
import { problemResponse } from "@/lib/http/problem";
import { unroutableApiAnswer } from "@/lib/http/unroutable-api-answer";
import { findDocumentedRoute } from "@/lib/openapi/documented-routes";

/**
 * What an API route answers for the methods it does not declare. Next.js would answer an
 * empty 405, and OPTIONS with every exported method; here an undeclared method gets the
 * API's 405 (problem+json, or OAuth JSON on the OAuth endpoints) naming the methods the
 * route does answer in `Allow`, and OPTIONS lists exactly those. Each route file exports
 * the ones it lacks, e.g. `export const { PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;`
 * (a test checks that every route file exports all seven).
 */
const answer = handleRoute({
  action: "api.method-not-allowed",
  answerError: problemResponse,
  run: async ({ request, requestId }) => {
    const refusal = unroutableApiAnswer(request, requestId);
    if (refusal) return refusal;
    const route = findDocumentedRoute(new URL(request.url).pathname);
    if (request.method === "OPTIONS" && route) return new Response(null, { status: 204, headers: { allow: route.allow.join(", ") } });
    throw new AppError("method_not_allowed", `This endpoint does not answer ${request.method}.`);
  },
});

export const undeclaredMethods = { GET: answer, HEAD: answer, POST: answer, PUT: answer, PATCH: answer, DELETE: answer, OPTIONS: answer };
