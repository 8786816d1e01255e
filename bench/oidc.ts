/**
 * `npm run bench:oidc` (after `next build`; TEST_DATABASE_URL names the PostgreSQL server
 * for a scratch database): starts the standalone production server, registers a machine
 * application and a first-party web application, signs a user in to the web one through
 * the provider (authorization code + PKCE, over HTTP, following the redirects as a
 * browser would), and then measures, one after another at BENCH_CONCURRENCY (10) for
 * BENCH_SECONDS (8) each: our health endpoint (the baseline), the token endpoint with
 * client credentials, introspection of the machine's access token, and userinfo with the
 * user's access token. Each figure is printed as a share of the health endpoint's in the
 * same run (the machine is shared; absolute figures drift, shares hold), with the
 * server's CPU time per request, and the targets of docs/benchmarks.md are checked.
 * BENCH_CPU_PROF=<dir> writes the server's CPU profile (node --cpu-prof) there on exit.
 *
 * Refresh is not measured here: a refresh token works once (rotation, and reuse revokes
 * the family), so a steady load would need a fresh token per request.
 */
import { createHash, randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { measure, type Figures, type RequestShape } from "@/bench/lib/load";
import { freePort } from "@/scripts/lib/free-port";
import { randomAdmin, seedAdmin } from "@/scripts/lib/seed-admin";
import { signInWithPassword, type SessionClient } from "@/scripts/lib/session-client";
import { startStandaloneServer } from "@/scripts/lib/standalone-server";
import { createTestDatabase } from "@/scripts/lib/test-database";
import { CookieJar } from "@/tests/support/cookie-jar";

const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 10);
const timing = { connections: concurrency, seconds: Number(process.env.BENCH_SECONDS ?? 8), warmUpSeconds: 2 };
const admin = randomAdmin("bench-oidc");
const callback = "https://bench.example.test/callback";

type Registered = { clientId: string; clientSecret: string };

async function register(session: SessionClient, baseUrl: string, body: object): Promise<Registered> {
  const response = await session.request("/api/v1/applications", {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`Registering an application failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as Registered;
}

const basic = ({ clientId, clientSecret }: Registered) =>
  `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString("base64")}`;

async function tokenRequest(baseUrl: string, client: Registered, form: Record<string, string>) {
  const response = await fetch(`${baseUrl}/oidc/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic(client) },
    body: new URLSearchParams(form),
  });
  const body = (await response.json()) as Record<string, string>;
  if (response.status !== 200) throw new Error(`The token endpoint answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

/** The user's access token for a first-party application: the code flow through the provider, as a signed-in browser follows it. */
async function userAccessToken(baseUrl: string, session: SessionClient, web: Registered): Promise<string> {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const query = new URLSearchParams({
    client_id: web.clientId,
    response_type: "code",
    redirect_uri: callback,
    scope: "openid profile email",
    state: randomBytes(8).toString("hex"),
    nonce: randomBytes(8).toString("hex"),
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  const jar = new CookieJar(session.cookie);
  let location = new URL(`/oidc/auth?${query}`, baseUrl);
  for (let hop = 0; hop < 12 && location.origin === baseUrl; hop++) {
    const path = `${location.pathname}${location.search}`;
    const response = await fetch(location, { redirect: "manual", headers: { cookie: jar.headerFor(path) } });
    jar.take(response.headers);
    const next = response.headers.get("location");
    if (!next) throw new Error(`The sign-in stopped at ${path} (${response.status}).`);
    location = new URL(next, location);
  }
  const code = location.searchParams.get("code");
  if (!code) throw new Error(`No code came back: ${location.toString()}`);
  const tokens = await tokenRequest(baseUrl, web, {
    grant_type: "authorization_code",
    code,
    redirect_uri: callback,
    code_verifier: verifier,
  });
  return tokens.access_token!;
}

const percent = (value: number) => `${value.toFixed(0).padStart(5)} %`;

/** Registers the applications, gets their tokens and measures each endpoint against health. */
async function runBench(baseUrl: string, pid: number | undefined) {
  const session = await signInWithPassword(baseUrl, admin.email, admin.password);
  const machine = await register(session, baseUrl, { kind: "machine", name: "Bench service", scopes: ["read"] });
  const web = await register(session, baseUrl, {
    kind: "web",
    name: "Bench web app",
    redirectUris: [callback],
    scopes: ["openid", "profile", "email"],
    firstParty: true,
  });
  const userToken = await userAccessToken(baseUrl, session, web);
  const discovery = (await (await fetch(`${baseUrl}/.well-known/openid-configuration`)).json()) as { userinfo_endpoint: string };

  console.log(`${concurrency} concurrent, ${timing.seconds} s each, load average ${loadavg()[0]!.toFixed(1)} at the start`);
  console.log("request                               req/s   p50 ms   p95 ms   CPU ms/req   share of health");
  const form = (fields: Record<string, string>): RequestShape => ({ method: "POST", body: new URLSearchParams(fields).toString() });
  const formHeaders = { "content-type": "application/x-www-form-urlencoded", authorization: basic(machine) };
  const results = new Map<string, Figures>();
  const cases: [string, string, Record<string, string>, RequestShape][] = [
    ["health (baseline)", `${baseUrl}/api/v1/health`, {}, {}],
    ["token: client credentials", `${baseUrl}/oidc/token`, formHeaders, form({ grant_type: "client_credentials", scope: "read" })],
    // The user's opaque access token, introspected by the application it was issued to (a
    // client-credentials token for our API is a signed JWT, which the API checks itself).
    [
      "introspection",
      `${baseUrl}/oidc/token/introspection`,
      { "content-type": "application/x-www-form-urlencoded", authorization: basic(web) },
      form({ token: userToken }),
    ],
    ["userinfo", discovery.userinfo_endpoint, { authorization: `Bearer ${userToken}` }, {}],
  ];
  for (const [label, url, headers, shape] of cases) {
    // One request first: a load of refusals would be measured as if it were the work.
    const probe = await fetch(url, { method: shape.method ?? "GET", headers, body: shape.body });
    if (probe.status !== 200) throw new Error(`${label}: ${probe.status} ${await probe.text()}`);
    const figures = await measure(url, headers, { ...timing, pid }, shape);
    results.set(label, figures);
    const health = results.get("health (baseline)")!;
    console.log(
      `${label.padEnd(36)} ${figures.rps.toFixed(0).padStart(6)} ${figures.p50.toFixed(0).padStart(8)} ${figures.p95.toFixed(0).padStart(8)} ` +
        `${figures.cpuMs.toFixed(2).padStart(12)} ${percent((100 * figures.rps) / health.rps).padStart(17)}` +
        (figures.failures ? `   (${figures.failures} answers not 200: ${JSON.stringify(figures.failedStatuses)})` : ""),
    );
  }

  const health = results.get("health (baseline)")!;
  const targets: [string, number][] = [
    ["token: client credentials", 30],
    ["introspection", 40],
    ["userinfo", 40],
  ];
  console.log("");
  for (const [label, target] of targets) {
    const figures = results.get(label)!;
    const share = (100 * figures.rps) / health.rps;
    const cpuShare = (100 * health.cpuMs) / figures.cpuMs;
    const met = share >= target && figures.failures === 0;
    console.log(
      `${met ? "met   " : "MISSED"}  ${label} ≥ ${target} % of health: ${share.toFixed(0)} % (by CPU per request ${cpuShare.toFixed(0)} %)`,
    );
  }
}

async function main() {
  const database = await createTestDatabase("um_bench_oidc");
  try {
    const authSecret = randomBytes(32).toString("base64url");
    await seedAdmin(admin, { DATABASE_URL: database.url, AUTH_SECRET: authSecret });
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const profileDir = process.env.BENCH_CPU_PROF;
    const server = await startStandaloneServer(
      {
        DATABASE_URL: database.url,
        AUTH_SECRET: authSecret,
        APP_URL: baseUrl,
        LOG_LEVEL: "warn",
        // One client address sends the whole load; the limit itself is tested in tests/oidc/rate-limits.test.ts.
        RATE_LIMIT_OAUTH_PER_MINUTE: "1000000",
      },
      port,
      { nodeArgs: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [] },
    );
    try {
      await runBench(baseUrl, server.process.pid);
    } catch (error) {
      console.error(`The server's last output:\n${server.output().slice(-3000)}`);
      throw error;
    } finally {
      await server.stop();
    }
  } finally {
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
