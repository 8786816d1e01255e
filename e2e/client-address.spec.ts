import { expect, test, type APIRequestContext } from "@playwright/test";
import { createTestUser } from "./users";
import { variantUrl } from "./variants";

type Session = { ip: string | null; current: boolean };

/** Signs in over the password grant, sending `forwardedFor`, and returns the address the new session recorded. */
async function recordedAddress(request: APIRequestContext, baseUrl: string, forwardedFor: string): Promise<string | null> {
  const user = await createTestUser("address");
  const grant = await request.post(`${baseUrl}/api/v1/auth/token`, {
    form: { grant_type: "password", username: user.email, password: user.password },
    headers: { "x-forwarded-for": forwardedFor },
  });
  expect(grant.status()).toBe(200);
  const { access_token: token } = (await grant.json()) as { access_token: string };
  const sessions = await request.get(`${baseUrl}/api/v1/users/me/sessions`, { headers: { authorization: `Bearer ${token}` } });
  expect(sessions.status()).toBe(200);
  const { data } = (await sessions.json()) as { data: Session[] };
  return data.find((session) => session.current)?.ip ?? null;
}

const loopback = /^(::ffff:)?127\.0\.0\.1$|^::1$/;

test("without trusted proxies, a forged X-Forwarded-For is not recorded", async ({ request, baseURL }) => {
  expect(await recordedAddress(request, baseURL!, "203.0.113.99")).toMatch(loopback);
  expect(await recordedAddress(request, baseURL!, "203.0.113.99, 198.51.100.7")).toMatch(loopback);
});

test("rotating a forged X-Forwarded-For does not escape the delay after repeated wrong passwords", async ({ request }) => {
  const user = await createTestUser("rotating");
  const statuses = [];
  for (let attempt = 1; attempt <= 6; attempt++) {
    const response = await request.post("/api/v1/auth/token", {
      form: { grant_type: "password", username: user.email, password: "wrong" },
      headers: { "x-forwarded-for": `203.0.113.${attempt}` },
    });
    statuses.push(response.status());
  }
  expect(statuses).toEqual([400, 400, 400, 400, 429, 429]);
});

test("behind one trusted proxy, the address the proxy appended is recorded, and what the client wrote is not", async ({ request }) => {
  // The proxy appended 198.51.100.23; the server appends the proxy (here, the test) itself.
  expect(await recordedAddress(request, variantUrl("trustedProxy"), "203.0.113.99, 198.51.100.23")).toBe("198.51.100.23");
});
