/** The parts of an OpenAPI 3.1 document the fuzzer reads. */
export type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
};

export type Parameter = { name: string; in: "path" | "query" | "header" | "cookie"; required?: boolean; schema?: Schema };
type Media = Record<string, { schema?: Schema }>;

export type Operation = {
  method: "GET" | "POST" | "PATCH" | "DELETE" | "PUT";
  path: string;
  parameters: Parameter[];
  body?: Media;
  responses: Record<string, { content?: Media; headers?: Record<string, unknown> }>;
  secured: boolean;
  /** The OAuth endpoints take a form and answer errors as RFC 6749 JSON. */
  oauth: boolean;
};

export type Document = {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: { content: Media }; responses: Operation["responses"]; security?: unknown[] }>
  >;
  components?: { schemas?: Record<string, Schema> };
};

const methods = ["get", "post", "patch", "put", "delete"] as const;

/** Every operation in the document, in a stable order, so a seed reproduces a run. */
export function operationsOf(document: Document): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    methods
      .filter((method) => item[method])
      .map((method) => {
        const operation = item[method]!;
        return {
          method: method.toUpperCase() as Operation["method"],
          path,
          parameters: operation.parameters ?? [],
          body: operation.requestBody?.content,
          responses: operation.responses,
          secured: Boolean(operation.security?.length),
          oauth: Boolean(operation.requestBody?.content["application/x-www-form-urlencoded"]),
        };
      }),
  );
}

/** Follows a local `$ref` (`#/components/schemas/User`). */
export function resolve(schema: Schema, document: Document): Schema {
  let current = schema;
  for (let depth = 0; current.$ref && depth < 10; depth++) {
    const name = current.$ref.split("/").at(-1)!;
    current = document.components?.schemas?.[name] ?? {};
  }
  return current;
}
