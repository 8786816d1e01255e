import { randomBytes } from "node:crypto";

export type Tokens = { access_token: string; refresh_token: string };

/** One API request with a bearer token and, when given, a JSON body. */
export function call(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** POSTs a form to the OAuth token endpoint, as any OAuth client does. */
export function tokenRequest(baseUrl: string, form: Record<string, string>): Promise<Response> {
  return fetch(`${baseUrl}/api/v1/auth/token`, { method: "POST", body: new URLSearchParams(form) });
}

export async function passwordGrant(baseUrl: string, email: string, password: string): Promise<Tokens> {
  const response = await tokenRequest(baseUrl, { grant_type: "password", username: email, password, scope: "read write" });
  if (!response.ok) throw new Error(`password grant for ${email}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as Tokens;
}

export type CreatedUser = { id: string; email: string; password: string };

/** Creates an active user with a password through the API, as an administrator does. */
export async function createUser(baseUrl: string, adminToken: string, label: string, role = "user"): Promise<CreatedUser> {
  const email = `${label}-${randomBytes(4).toString("hex")}@example.test`;
  const password = randomBytes(12).toString("base64url");
  const response = await call(baseUrl, adminToken, "POST", "/api/v1/users", { email, password, role });
  if (response.status !== 201) throw new Error(`creating ${email}: HTTP ${response.status} ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  return { id, email, password };
}
