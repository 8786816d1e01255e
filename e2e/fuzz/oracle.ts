import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { Document, Operation } from "./openapi";
import { oauthErrorCodes } from "@/lib/schemas/oauth";

// Both packages are CommonJS with a default export; the spec runs as ESM.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: typeof Ajv2020Module }).default ?? Ajv2020Module) as typeof Ajv2020Module;
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

export type Answer = { status: number; headers: Record<string, string>; body: Buffer; ms: number };

const knownOAuthErrors = new Set<string>(oauthErrorCodes);

/** Checks answers against the served document: statuses, error formats and 2xx bodies. */
export class Oracle {
  private readonly ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });

  constructor(
    document: Document,
    private readonly maxMs: number,
  ) {
    addFormats(this.ajv);
    this.ajv.addSchema(document, "openapi");
  }

  private validateBody(operation: Operation, status: number, media: string, value: unknown): string | undefined {
    const pointer = ["paths", operation.path, operation.method.toLowerCase(), "responses", String(status), "content", media, "schema"]
      .map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1"))
      .join("/");
    const validate = this.ajv.getSchema(`openapi#/${pointer}`);
    if (!validate) return `no schema at ${pointer}`;
    return validate(value) ? undefined : this.ajv.errorsText(validate.errors, { separator: "; " });
  }

  /** What is wrong with an answer, empty when nothing is. */
  check(operation: Operation, answer: Answer, slowTwice: boolean): string[] {
    const problems: string[] = [];
    const { status, headers } = answer;
    const media = (headers["content-type"] ?? "").split(";")[0]!.trim();
    const text = answer.body.toString("utf8");
    if (status >= 500) problems.push(`a server error (${status})`);
    if (slowTwice) problems.push(`slower than ${this.maxMs} ms twice in a row (${answer.ms} ms)`);
    const documented = operation.responses[String(status)];
    if (!documented) problems.push(`status ${status} is not in the document`);
    if (status === 405 && !headers["allow"]) problems.push("a 405 without Allow");
    if (status >= 400) {
      const body = parseJson(text);
      if (operation.oauth) {
        if (media !== "application/json" || !knownOAuthErrors.has(String((body as { error?: unknown })?.error))) {
          problems.push(`not an OAuth error: ${media} ${text.slice(0, 200)}`);
        }
      } else {
        const problem = body as { status?: unknown; code?: unknown; requestId?: unknown; errors?: { field?: unknown }[] } | undefined;
        if (
          media !== "application/problem+json" ||
          problem?.status !== status ||
          typeof problem.code !== "string" ||
          typeof problem.requestId !== "string"
        ) {
          problems.push(`not a problem document: ${media} ${text.slice(0, 200)}`);
        } else if (status === 422 && !(problem.errors?.length && problem.errors.every((error) => typeof error.field === "string"))) {
          problems.push("a 422 that names no field");
        }
      }
    } else if (status >= 200 && status < 300 && documented?.content) {
      if (!documented.content[media]) problems.push(`answered ${media}, documented ${Object.keys(documented.content).join(", ")}`);
      else if (media.endsWith("json")) {
        const failure = this.validateBody(operation, status, media, parseJson(text));
        if (failure) problems.push(`the ${status} body does not match the document: ${failure}`);
      }
    } else if (status === 204 && answer.body.length > 0) problems.push("a 204 with a body");
    return problems;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
