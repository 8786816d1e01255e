import { beforeAll, describe, expect, it } from "vitest";
import { consentAction } from "@/app/interaction/[uid]/actions";
import { db } from "@/lib/db";
import { api } from "@/tests/support/api";
import { createApplication } from "@/tests/support/applications";
import { sessionCookie } from "@/tests/support/callers";
import { CookieJar } from "@/tests/support/cookie-jar";
import { actorFor, createUser } from "@/tests/support/factories";
import {
  authorizationUrl,
  codeFor,
  followBrowser,
  interactionUid,
  pkce,
  redeemCode,
  submitInteraction,
  tokenRequest,
  warmUpProvider,
} from "@/tests/support/oidc-flow";
import { addMembership, createOrganizationFor } from "@/tests/support/organizations";

beforeAll(warmUpProvider);

type Tokens = { access_token: string; refresh_token: string };

/** An organization with its own first-party application, and a member of it. */
async function organizationApplication() {
  const { user: owner } = await createUser();
  const organization = await createOrganizationFor(actorFor(owner));
  const { application, clientSecret } = await createApplication({ firstParty: true, organizationId: organization.id });
  return { owner, organization, client: { clientId: application.clientId, clientSecret } };
}

/** The tokens an application gets for a user signed in through this browser, with a refresh token. */
async function tokensFor(user: { id: string }, client: { clientId: string; clientSecret: string | null }, scope: string) {
  const jar = new CookieJar((await sessionCookie(user)).cookie);
  const { code, verifier } = await codeFor(jar, client.clientId, { scope: `openid offline_access ${scope}`, extra: { prompt: "consent" } });
  const answer = await redeemCode(client, code, verifier);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as Tokens;
}

async function newGlobalApplication() {
  const { application } = await createApplication({ firstParty: true });
  return application;
}

const refresh = (client: { clientId: string; clientSecret: string | null }, tokens: Tokens) =>
  tokenRequest(client, { grant_type: "refresh_token", refresh_token: tokens.refresh_token });

describe("an organization's application signs in its members only", () => {
  it("a member signs in; a person outside the organization stops on our page and the application gets no code", async () => {
    const { owner, client } = await organizationApplication();
    await tokensFor(owner, client, "profile");

    const { user: outsider } = await createUser();
    const jar = new CookieJar((await sessionCookie(outsider)).cookie);
    const start = authorizationUrl(client.clientId, { scope: "openid profile", challenge: pkce().challenge });
    const { location, hops } = await followBrowser(jar, start);
    expect(location.pathname, hops.join(" → ")).toMatch(/^\/interaction\/[^/]+\/unavailable$/);
    expect(hops.some((hop) => hop.includes("code="))).toBe(false);
  });

  it("a person outside the organization cannot consent their way in, even signed in to the provider already", async () => {
    const { organization } = await organizationApplication();
    const { application } = await createApplication({ firstParty: false, organizationId: organization.id });
    const { user: outsider } = await createUser();
    const jar = new CookieJar((await sessionCookie(outsider)).cookie);
    // Signed in to the provider through another application first.
    await codeFor(jar, (await newGlobalApplication()).clientId, { scope: "openid" });

    const start = authorizationUrl(application.clientId, { scope: "openid profile", challenge: pkce().challenge });
    const { location } = await followBrowser(jar, start);
    expect(location.pathname).toMatch(/\/unavailable$/);
    const forged = await submitInteraction(jar, consentAction, { uid: interactionUid(location), decision: "allow" });
    expect(forged).toMatchObject({ refused: "not_found" });
  });

  it("a member who leaves can no longer refresh", async () => {
    const { organization, client } = await organizationApplication();
    const { user: member } = await createUser();
    await addMembership(organization.id, member.id, "member");
    const tokens = await tokensFor(member, client, "profile");
    await db().membership.deleteMany({ where: { organizationId: organization.id, userId: member.id } });
    expect((await refresh(client, tokens)).body).toMatchObject({ error: "invalid_grant" });
  });
});

describe("a disabled user's tokens stop at once", () => {
  it("userinfo, the API and refreshing all refuse them", async () => {
    const { user } = await createUser();
    const { application, clientSecret } = await createApplication({ firstParty: true });
    const client = { clientId: application.clientId, clientSecret };
    // Without an API scope the access token is for userinfo; with one it is for the API.
    const userinfoTokens = await tokensFor(user, client, "profile");
    const apiTokens = await tokensFor(user, client, "read");
    const userinfo = () => api("GET", "/oidc/me", { as: { bearer: userinfoTokens.access_token } });
    const me = () => api("GET", "/api/v1/users/me", { as: { bearer: apiTokens.access_token } });
    expect((await userinfo()).status).toBe(200);
    expect((await me()).status).toBe(200);

    await db().user.update({ where: { id: user.id }, data: { status: "disabled" } });

    expect((await userinfo()).status).toBe(401);
    expect((await me()).status).toBe(401);
    expect((await refresh(client, userinfoTokens)).body).toMatchObject({ error: "invalid_grant" });
    expect((await refresh(client, apiTokens)).body).toMatchObject({ error: "invalid_grant" });
  });
});
