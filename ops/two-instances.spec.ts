import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signInWithPassword } from "@/scripts/lib/session-client";
import { call, createUser, passwordGrant, tokenRequest } from "./support/api";
import { startHaproxy, type LoadBalancer } from "./support/haproxy";
import { shared, startServer, type OpsServer } from "./support/servers";

// Everything a replica knows about sessions, limits and roles lives in PostgreSQL, so two
// replicas behind a round-robin balancer must agree at once, with no sticky sessions.
const limits = {
  LOCKOUT_THRESHOLD: "3",
  LOCKOUT_BASE_SECONDS: "300",
  RATE_LIMIT_EMAIL_PER_HOUR: "3",
  RATE_LIMIT_IP_PER_HOUR: "10000",
  SIGN_UP_ENABLED: "true",
};

let first: OpsServer;
let second: OpsServer;
let balancer: LoadBalancer;
let adminToken: string;

test.beforeAll(async () => {
  [first, second] = [await startServer(limits), await startServer(limits)];
  balancer = await startHaproxy([first.port, second.port]);
  adminToken = (await passwordGrant(first.url, shared.admin.email, shared.admin.password)).access_token;
});

test.afterAll(async () => {
  await balancer?.stop();
  await Promise.all([first?.stop(), second?.stop()]);
});

test("the balancer spreads requests round-robin over both replicas, and each serves a session from the other", async () => {
  const user = await createUser(first.url, adminToken, "balanced");
  const session = await signInWithPassword(balancer.url, user.email, user.password);
  const servedBy = new Set<string>();
  for (let request = 0; request < 6; request++) {
    const me = await session.request("/api/v1/users/me");
    expect(me.status).toBe(200);
    servedBy.add(me.headers.get("x-served-by") ?? "");
  }
  expect([...servedBy].sort()).toEqual(["app1", "app2"]);
});

test("failed sign-ins on either replica count toward one lockout", async () => {
  const user = await createUser(first.url, adminToken, "lockout");
  const wrong = { grant_type: "password", username: user.email, password: "not-the-password" };
  for (const server of [first, second]) expect((await tokenRequest(server.url, wrong)).status).toBe(400);
  // The third failure (LOCKOUT_THRESHOLD) starts the lock only if the second replica's counted.
  expect((await tokenRequest(first.url, wrong)).status).toBe(429);
  const refused = await tokenRequest(second.url, { ...wrong, password: user.password });
  expect(refused.status).toBe(429);
  expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
});

test("a rate limit filled through one replica holds on the other", async () => {
  // Sign-up mails the address it is given, so it is limited per address
  // (RATE_LIMIT_EMAIL_PER_HOUR, 3 here) wherever the requests land.
  const email = `limited-${randomBytes(4).toString("hex")}@example.test`;
  const signUp = (server: OpsServer) =>
    fetch(`${server.url}/api/v1/auth/sign-up`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, name: "Limited", password: "a long and unusual passphrase" }),
    });
  for (const server of [first, second, first]) expect((await signUp(server)).status).toBe(202);
  const refused = await signUp(second);
  expect(refused.status).toBe(429);
  expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
});

test("sessions revoked through one replica are refused by the other at once", async () => {
  const user = await createUser(first.url, adminToken, "revoked");
  const browser = await signInWithPassword(first.url, user.email, user.password);
  const cookieOnSecond = () => fetch(`${second.url}/api/v1/users/me`, { headers: { cookie: browser.cookie } }).then((r) => r.status);
  const tokens = await passwordGrant(second.url, user.email, user.password);
  expect(await cookieOnSecond()).toBe(200);
  expect((await call(second.url, tokens.access_token, "GET", "/api/v1/users/me")).status).toBe(200);

  expect((await call(first.url, adminToken, "POST", `/api/v1/users/${user.id}/sessions/revoke`)).status).toBe(200);

  expect(await cookieOnSecond()).toBe(401);
  expect((await call(second.url, tokens.access_token, "GET", "/api/v1/users/me")).status).toBe(401);
});

test("a role change through one replica takes effect on the other at once", async () => {
  const user = await createUser(first.url, adminToken, "promoted");
  const { access_token: token } = await passwordGrant(second.url, user.email, user.password);
  const listOnSecond = () => call(second.url, token, "GET", "/api/v1/users?limit=1").then((response) => response.status);
  expect([403, 404]).toContain(await listOnSecond());

  expect((await call(first.url, adminToken, "PATCH", `/api/v1/users/${user.id}`, { role: "admin" })).status).toBe(200);
  expect(await listOnSecond()).toBe(200);

  expect((await call(first.url, adminToken, "PATCH", `/api/v1/users/${user.id}`, { role: "user" })).status).toBe(200);
  expect([403, 404]).toContain(await listOnSecond());
});

test("a refresh token used on one replica cannot be used again on the other", async () => {
  const user = await createUser(first.url, adminToken, "refresh");
  const { refresh_token: refreshToken } = await passwordGrant(first.url, user.email, user.password);
  const refresh = { grant_type: "refresh_token", refresh_token: refreshToken };
  expect((await tokenRequest(first.url, refresh)).status).toBe(200);
  const replayed = await tokenRequest(second.url, refresh);
  expect(replayed.status).toBe(400);
  expect(await replayed.json()).toMatchObject({ error: "invalid_grant" });
});
