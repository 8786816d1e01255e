import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";
import { createUserWithId } from "../orgs-support";
import { admin } from "../support";

const unique = (label: string) => `${label}-${randomUUID().slice(0, 13)}`;

/**
 * Records the fuzzer makes for itself through the API, as the superadmin, so that
 * destructive operations (delete, purge, disable, revoke, sign out) act on them and
 * never on the admin or the credentials the fuzzer sends requests with.
 */
export class Fixtures {
  /** `api` is signed in as `email`, a superadmin who signs in with the admin's password. */
  constructor(
    private readonly api: APIRequestContext,
    private readonly email: string,
  ) {}

  private async post(path: string, data: unknown, expected = 201): Promise<Record<string, unknown>> {
    const response = await this.api.post(path, { data });
    expect(response.status(), `${path}: ${await response.text()}`).toBe(expected);
    return response.json();
  }

  async user(): Promise<string> {
    return (await this.post("/api/v1/users", { email: `${unique("fuzz-target")}@example.test`, invite: true })).id as string;
  }

  async deletedUser(): Promise<string> {
    const id = await this.user();
    expect((await this.api.delete(`/api/v1/users/${id}`)).status()).toBe(200);
    return id;
  }

  /** A user who signs in with the admin's password (see createUserWithId), for the password grant. */
  async userWithPassword(): Promise<{ id: string; email: string; password: string }> {
    return { ...(await createUserWithId("fuzz-grant")), password: admin.password };
  }

  async organization(): Promise<string> {
    return (await this.post("/api/v1/organizations", { name: "Fuzz org", slug: unique("fuzz") })).id as string;
  }

  async member(organizationId: string): Promise<string> {
    const userId = await this.user();
    await this.post(`/api/v1/organizations/${organizationId}/members`, { userId, role: "member" });
    return userId;
  }

  async role(organizationId: string): Promise<{ id: string; name: string }> {
    const name = unique("role");
    return { id: (await this.post(`/api/v1/organizations/${organizationId}/roles`, { name, permissions: [] })).id as string, name };
  }

  async invitation(organizationId: string): Promise<string> {
    const email = `${unique("fuzz-invitee")}@example.test`;
    return (await this.post(`/api/v1/organizations/${organizationId}/invitations`, { email, role: "member" })).id as string;
  }

  async personalToken(): Promise<{ id: string; token: string }> {
    const created = await this.post("/api/v1/users/me/tokens", { name: unique("fuzz-throwaway"), scopes: ["read"], expiresInDays: 30 });
    return { id: created.id as string, token: created.token as string };
  }

  /** A second API session of the fuzzing superadmin's (never the one the fuzzer uses), with its tokens. */
  async apiSession(): Promise<{ id: string; accessToken: string; refreshToken: string }> {
    const grant = await this.api.post("/api/v1/auth/token", {
      form: { grant_type: "password", username: this.email, password: admin.password, client_id: "fuzz-throwaway" },
    });
    expect(grant.status(), await grant.text()).toBe(200);
    const tokens = (await grant.json()) as { access_token: string; refresh_token: string };
    const sessions = await this.api.get("/api/v1/users/me/sessions", { headers: { authorization: `Bearer ${tokens.access_token}` } });
    const { data } = (await sessions.json()) as { data: { id: string; current: boolean }[] };
    return { id: data.find((session) => session.current)!.id, accessToken: tokens.access_token, refreshToken: tokens.refresh_token };
  }

  async mailMessage(): Promise<string> {
    const response = await this.api.get("/api/v1/mail/outbox?limit=1");
    const { data } = (await response.json()) as { data: { id: string }[] };
    return data[0]?.id ?? randomUUID();
  }
}
