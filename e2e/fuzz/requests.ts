import fc from "fast-check";
import { evilStrings, evilValues, mutated, validFor, type Context } from "./arbitraries";
import type { Operation, Schema } from "./openapi";

export type Caller = "session" | "token" | "anonymous" | "bad-token";

export type FuzzRequest = {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body?: string;
  caller: Caller;
};

/** encodeURIComponent, except that a lone surrogate becomes the bytes no UTF-8 decoder accepts. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return "%ED%A0%80";
  }
}

const oddSegments = fc.oneof(
  fc.uuid(),
  fc.constantFrom(
    "not-a-uuid",
    "%00",
    "%zz",
    "%E2%82",
    "%ED%A0%80",
    "%C3%A9",
    "%F0%9F%98%80",
    "null",
    "0",
    "-1",
    "%20",
    "'",
    "a%2Fb",
    "x".repeat(2_000),
  ),
  fc.string({ minLength: 1, maxLength: 40 }).map(encode),
);

/** base64url JSON the way cursors look, with every part of it forged. */
const forgedCursors = fc
  .oneof(
    fc.record({ value: evilValues, id: fc.oneof(fc.uuid(), fc.constantFrom("not-a-uuid", "", "\u0000")) }, { requiredKeys: [] }),
    evilValues,
  )
  .map((position) => Buffer.from(JSON.stringify(position) ?? "null").toString("base64url"));

const ifMatchValues = fc.constantFrom(
  '"1"',
  '"2"',
  'W/"1"',
  "*",
  '"2147483648"',
  '"9999999999"',
  '"99999999999"',
  "garbage",
  '""',
  '"-1"',
  '"1", "2"',
);

const badAuthorizations = fc.constantFrom(
  "Bearer not-a-token",
  "Bearer umt_read_0000000000000000000000000000000000000000000",
  "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
  "Bearer eyJhbGciOiJIUzI1NiJ9.e30.AAAA",
  "Bearer ",
  `Bearer ${"a".repeat(5_000)}`,
  "Basic YWRtaW46YWRtaW4=",
  "Bearer \u00e9",
);

function queryFor(operation: Operation, context: Context): fc.Arbitrary<string> {
  const parameters = operation.parameters.filter((parameter) => parameter.in === "query");
  const pairs = parameters.map(({ name, schema }) =>
    fc.option(
      fc
        .oneof(
          { weight: 3, arbitrary: validFor(schema ?? {}, context).map(String) },
          { weight: 2, arbitrary: fc.constantFrom(...evilStrings) },
          ...(name === "cursor" ? [{ weight: 3, arbitrary: forgedCursors }] : []),
        )
        .map((value) => `${encode(name)}=${encode(value)}`),
      { freq: 2 },
    ),
  );
  const extras = fc.constantFrom("", "", "", "unknown=1", "q=%zz", "page=%00", "limit=1&limit=2", "%zz=1", "a".repeat(3_000));
  return fc
    .tuple(fc.tuple(...pairs), extras)
    .map(([chosen, extra]) => [...chosen.filter((pair) => pair !== null), ...(extra ? [extra] : [])].join("&"));
}

type Body = { body?: string; contentType?: string };

const malformedJson = fc.constantFrom(
  "{",
  "[",
  '{"a":',
  "nul",
  "\u0000",
  "",
  "{}}",
  '{"a":1,"a":2}',
  "[".repeat(5_000),
  `"${"x".repeat(1_100_000)}"`,
);
const contentTypes = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "application/xml",
  undefined,
);

function jsonBody(schema: Schema, context: Context): fc.Arbitrary<Body> {
  const valid = validFor(schema, context);
  const json = (value: unknown) => ({ body: JSON.stringify(value) ?? "null", contentType: "application/json" });
  return fc.oneof(
    { weight: 4, arbitrary: valid.map(json) },
    { weight: 4, arbitrary: mutated(valid).map(json) },
    { weight: 1, arbitrary: malformedJson.map((body) => ({ body, contentType: "application/json" })) },
    { weight: 1, arbitrary: fc.tuple(valid, contentTypes).map(([value, contentType]) => ({ body: JSON.stringify(value), contentType })) },
    { weight: 1, arbitrary: fc.constant({}) },
  );
}

function formBody(schema: Schema, context: Context): fc.Arbitrary<Body> {
  const form = (value: unknown, duplicate?: string) => {
    const entries =
      typeof value === "object" && value !== null
        ? Object.entries(value).map(([key, field]) => [key, String(field)])
        : [["value", String(value)]];
    const text = new URLSearchParams(entries).toString();
    return { body: duplicate ? `${text}&${duplicate}` : text, contentType: "application/x-www-form-urlencoded" };
  };
  const valid = validFor(schema, context);
  return fc.oneof(
    { weight: 4, arbitrary: valid.map((value) => form(value)) },
    { weight: 4, arbitrary: mutated(valid).map((value) => form(value)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, fc.constantFrom("grant_type=password", "client_id=a%00b", "scope=%zz", "x=" + "y".repeat(20_000)))
        .map(([value, extra]) => form(value, extra)),
    },
    { weight: 1, arbitrary: valid.map((value) => ({ body: JSON.stringify(value), contentType: "application/json" })) },
  );
}

const csvBody = fc
  .array(
    fc.array(fc.oneof(fc.constantFrom(...evilStrings), fc.emailAddress(), fc.constantFrom("user", "admin", "superadmin")), {
      minLength: 1,
      maxLength: 5,
    }),
    { maxLength: 6 },
  )
  .map((rows) => ({
    body: ["email,name,role,passwordHash", ...rows.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(","))].join("\n"),
    contentType: "text/csv",
  }));

function bodyFor(operation: Operation, context: Context): fc.Arbitrary<Body> {
  const media = operation.body ?? {};
  const choices: fc.Arbitrary<Body>[] = [];
  if (media["application/json"]?.schema) choices.push(jsonBody(media["application/json"].schema, context));
  if (media["application/x-www-form-urlencoded"]?.schema)
    choices.push(formBody(media["application/x-www-form-urlencoded"].schema, context));
  if (media["text/csv"]) choices.push(csvBody);
  return choices.length ? fc.oneof(...choices) : fc.constant({});
}

/** Every kind of request the fuzzer sends to one operation; `paths` holds a valid value for each path parameter. */
export function requestsFor(operation: Operation, context: Context, paths: Record<string, string>): fc.Arbitrary<FuzzRequest> {
  const path = fc
    .tuple(
      ...operation.path.split("/").map((segment) => {
        const name = /^\{(\w+)\}$/.exec(segment)?.[1];
        if (!name) return fc.constant(segment);
        return fc.oneof({ weight: 4, arbitrary: fc.constant(paths[name] ?? "missing") }, { weight: 1, arbitrary: oddSegments });
      }),
    )
    .map((segments) => segments.join("/"));
  const hasIfMatch = operation.parameters.some((parameter) => parameter.in === "header" && parameter.name.toLowerCase() === "if-match");
  return fc
    .record({
      path,
      query: queryFor(operation, context),
      body: bodyFor(operation, context),
      caller: fc.constantFrom<Caller>("session", "session", "token", "token", "anonymous", "bad-token"),
      ifMatch: hasIfMatch ? fc.option(ifMatchValues) : fc.constant(null),
      authorization: badAuthorizations,
    })
    .map(({ path, query, body, caller, ifMatch, authorization }) => ({
      method: operation.method,
      path,
      query,
      body: body.body,
      caller,
      headers: {
        ...(body.contentType ? { "content-type": body.contentType } : {}),
        ...(ifMatch ? { "if-match": ifMatch } : {}),
        ...(caller === "bad-token" ? { authorization } : {}),
      },
    }));
}
