import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { Fixtures } from "./fuzz/fixtures";
import { operationsOf, type Document, type Operation } from "./fuzz/openapi";
import { Oracle, type Answer } from "./fuzz/oracle";
import { requestsFor, type FuzzRequest } from "./fuzz/requests";
import { apiAs, createUserWithId } from "./orgs-support";

/**
 * Property-based fuzzing of every operation in the served OpenAPI document: valid and
 * broken requests (see fuzz/requests.ts) from a superadmin's session, a superadmin's
 * token, anonymously and with bad tokens. Every answer must be below 500, documented,
 * an error in the API's format (OAuth JSON on the OAuth endpoints), a 2xx body that
 * matches its schema, and quicker than FUZZ_MAX_MS. A new endpoint is fuzzed as soon
 * as it is in the document.
 *
 * FUZZ_SEED fixes the run (CI uses the default); FUZZ_RUNS sets the requests per
 * operation. A failure prints the seed, the operation and the request.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20_261_129);
const runs = Number(process.env.FUZZ_RUNS ?? 20);
const maxMs = Number(process.env.FUZZ_MAX_MS ?? 2_000);
const parts = 2;

test.describe.configure({ timeout: 30 * 60_000 });

/** A valid value for each path parameter: records the fuzzer made for this operation. */
async function pathValuesFor({ path }: Operation, fixtures: Fixtures): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  if (path.includes("{id}")) {
    if (path.startsWith("/api/v1/organizations/")) values.id = await fixtures.organization();
    else if (path.startsWith("/api/v1/users/me/tokens/")) values.id = (await fixtures.personalToken()).id;
    else if (path.startsWith("/api/v1/users/me/sessions/")) values.id = (await fixtures.apiSession()).id;
    else if (path.startsWith("/api/v1/mail/outbox/")) values.id = await fixtures.mailMessage();
    else if (/\/(purge|restore)$/.test(path)) values.id = await fixtures.deletedUser();
    else values.id = await fixtures.user();
  }
  if (path.includes("{userId}")) values.userId = await fixtures.member(values.id!);
  if (path.includes("{roleId}")) values.roleId = (await fixtures.role(values.id!)).id;
  if (path.includes("{invitationId}")) values.invitationId = await fixtures.invitation(values.id!);
  if (path.includes("{token}")) values.token = "a".repeat(43);
  return values;
}

/**
 * The few requests that would destroy the fuzzer's own credentials, skipped on purpose.
 * Everything else is safe by construction: path ids are the fuzzer's own fixtures, never
 * the fuzzing superadmin's id; the password it shares with the admin is only ever sent to
 * the token endpoint, with a fixture user's email, so neither a password change nor an
 * email change of the fuzzing superadmin can succeed; revoke gets throwaway tokens only.
 */
function destroysOwnCredentials(operation: Operation, request: FuzzRequest): boolean {
  // Signing out the session the fuzzer sends its requests with.
  return operation.path === "/api/v1/auth/logout" && request.caller === "session";
}

for (let part = 0; part < parts; part++) {
  test(`every operation in the OpenAPI document survives fuzzing (part ${part + 1} of ${parts})`, async () => {
    // Each part fuzzes as a superadmin of its own: its wrong step-up passwords delay that
    // account's sign-ins from this address, and must not delay the other part's, or the admin's.
    const fuzzer = await createUserWithId(`fuzzer-${part + 1}`, "superadmin");
    const session = await apiAs(fuzzer.email);
    const plain = await playwrightRequest.newContext({ baseURL: process.env.E2E_BASE_URL });
    const document = (await (await plain.get("/api/v1/openapi.json")).json()) as Document;
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(40);
    const mine = operations.filter((_, index) => index % parts === part);

    const fixtures = new Fixtures(session, fuzzer.email);
    const created = await session.post("/api/v1/users/me/tokens", { data: { name: `fuzz-${part}`, scopes: ["read", "write"] } });
    const ownToken = ((await created.json()) as { token: string }).token;
    const grantUser = await fixtures.userWithPassword();
    const throwaway = await fixtures.apiSession();
    const organizationId = await fixtures.organization();
    // Every record the operations need, made before the first fuzzed request: a session
    // fixture signs in with the password, which the fuzzed step-up passwords then delay.
    const pathValues = new Map<Operation, Record<string, string>>();
    for (const operation of mine) pathValues.set(operation, await pathValuesFor(operation, fixtures));
    const oracle = new Oracle(document, maxMs);

    async function send(request: FuzzRequest, api: APIRequestContext): Promise<Answer> {
      const headers = { ...request.headers, ...(request.caller === "token" ? { authorization: `Bearer ${ownToken}` } : {}) };
      const started = performance.now();
      const response = await api.fetch(request.query ? `${request.path}?${request.query}` : request.path, {
        method: request.method,
        headers,
        data: request.body === undefined ? undefined : Buffer.from(request.body),
        maxRedirects: 0,
        timeout: 60_000,
      });
      const body = await response.body();
      return { status: response.status(), headers: response.headers(), body, ms: Math.round(performance.now() - started) };
    }

    const failures: string[] = [];
    let sent = 0;
    const statuses: Record<number, number> = {};
    const started = Date.now();
    for (const operation of mine) {
      const index = operations.indexOf(operation);
      const context = {
        document,
        overrides: {
          role: fc.constantFrom("member", "admin", "owner"),
          userId: fc.constant(await fixtures.user()),
          organizationId: fc.constantFrom(organizationId, "01900000-0000-7000-8000-000000000000"),
          ...(operation.oauth
            ? {
                username: fc.constantFrom(grantUser.email, "fuzz-nobody@example.test"),
                password: fc.constantFrom(grantUser.password, "not the password"),
                refresh_token: fc.constantFrom(throwaway.refreshToken, "umr_read_forged"),
                token: fc.constantFrom(throwaway.accessToken, throwaway.refreshToken, "not-a-token"),
              }
            : {}),
        },
      };
      const requests = requestsFor(operation, context, pathValues.get(operation)!);
      // Now and then the same request with a method the route does not declare.
      const withMethods = fc.tuple(requests, fc.nat(19)).map(([request, roll]) => (roll === 0 ? { ...request, method: "PUT" } : request));
      const property = fc.asyncProperty(withMethods, async (request) => {
        if (destroysOwnCredentials(operation, request)) return;
        const api = request.caller === "session" ? session : plain;
        const answer = await send(request, api);
        sent++;
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        // One slow answer may be the busy machine; the same request slow again is the endpoint.
        const slowTwice = answer.ms > maxMs && (await send(request, api)).ms > maxMs;
        const problems = oracle.check(operation, answer, slowTwice);
        if (problems.length > 0) {
          throw new Error(
            `${problems.join("; ")}\n  request: ${request.method} ${request.path}${request.query ? `?${request.query.slice(0, 300)}` : ""} ` +
              `as ${request.caller} ${JSON.stringify(request.headers)} ${request.body?.slice(0, 300) ?? ""}\n  answer: ${answer.status} ${answer.body.toString("utf8").slice(0, 300)}`,
          );
        }
      });
      try {
        await fc.assert(property, { seed: seed + index, numRuns: runs, endOnFailure: true });
      } catch (error) {
        failures.push(`${operation.method} ${operation.path} (seed ${seed + index}):\n${error instanceof Error ? error.message : error}`);
      }
    }
    console.log(
      `fuzzing part ${part + 1}: ${sent} requests to ${mine.length} operations in ${Math.round((Date.now() - started) / 1000)} s (FUZZ_SEED=${seed}, FUZZ_RUNS=${runs}); statuses: ${JSON.stringify(statuses)}`,
    );
    expect(failures, failures.join("\n\n")).toEqual([]);
  });
}
