import { createHash, randomBytes } from "node:crypto";
import { expect } from "vitest";
import { api, hasRoute } from "@/tests/support/api";
import { callServerAction } from "@/tests/support/action-call";
import { createApplication } from "@/tests/support/applications";
import { sessionCookie } from "@/tests/support/callers";
import { CookieJar } from "@/tests/support/cookie-jar";
import { createUser } from "@/tests/support/factories";

const base64url = (bytes: Buffer) => bytes.toString("base64url");

/** A PKCE pair (RFC 7636, S256). */
export function pkce() {
  const verifier = base64url(randomBytes(32));
  return { verifier, challenge: base64url(createHash("sha256").update(verifier).digest()) };
}

/**
 * A browser following an application's sign-in through the provider and our pages, in
 * process: each redirect is followed with the cookies set so far, until the browser is
 * sent back to the application (or anywhere else off this app), or reaches one of our
 * pages (sign-in, consent, confirmation), where a person would act. Answers where it
 * ended, and every hop.
 */
export async function followBrowser(jar: CookieJar, start: string, maxHops = 12): Promise<{ location: URL; hops: string[] }> {
  const hops: string[] = [];
  let location = new URL(start, "http://localhost:3000");
  for (let hop = 0; hop < maxHops; hop++) {
    if (location.origin !== "http://localhost:3000") return { location, hops };
    const path = `${location.pathname}${location.search}`;
    hops.push(path);
    if (!(await hasRoute("GET", path))) return { location, hops };
    const answer = await api("GET", path, { as: { cookie: jarHeader(jar, path) } });
    jar.take(answer.headers);
    const next = answer.headers.get("location");
    if (!next || answer.status < 300 || answer.status >= 400) return { location, hops };
    location = new URL(next, location);
  }
  throw new Error(`Too many redirects: ${hops.join(" → ")}`);
}

const jarHeader = (jar: CookieJar, path: string) => jar.headerFor(path) || undefined;

/** The authorization request an application sends the browser with. */
export function authorizationUrl(
  clientId: string,
  options: { scope: string; challenge: string; redirectUri?: string; extra?: Record<string, string> },
) {
  const params = new URLSearchParams({
    client_id: clientId,
    response_type: "code",
    redirect_uri: options.redirectUri ?? "https://app.example.test/callback",
    scope: options.scope,
    state: base64url(randomBytes(12)),
    nonce: base64url(randomBytes(12)),
    code_challenge: options.challenge,
    code_challenge_method: "S256",
    ...options.extra,
  });
  return `/oidc/auth?${params}`;
}

/** A token request as a confidential client makes it: form-encoded, authenticated with client_secret_basic. */
export function tokenRequest(
  client: { clientId: string; clientSecret: string | null },
  form: Record<string, string>,
  extraHeaders: Record<string, string> = {},
) {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", ...extraHeaders };
  if (client.clientSecret) {
    headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString("base64")}`;
  }
  const body = new URLSearchParams(client.clientSecret ? form : { ...form, client_id: client.clientId }).toString();
  return api("POST", "/oidc/token", { body, headers });
}

/** The interaction id of a page of an application's sign-in (/interaction/:uid/...). */
export function interactionUid(location: URL): string {
  const uid = /^\/interaction\/([^/]+)/.exec(location.pathname)?.[1];
  expect(uid, location.toString()).toBeTruthy();
  return uid!;
}

/**
 * Submits a form of an interaction page (a server action) as this browser, and follows
 * where it sends the browser: back to the provider, and on to the application.
 */
export async function submitInteraction(
  jar: CookieJar,
  action: (...args: never[]) => unknown,
  fields: Record<string, string> & { uid: string },
): Promise<{ location: URL; hops: string[] } | { refused: string }> {
  const state = await callServerAction(action, fields, { cookie: jar.headerFor(`/interaction/${fields.uid}`) });
  const target = state.redirected?.split(";")[2];
  if (!target) return { refused: state.code ?? state.error ?? "no redirect" };
  return followBrowser(jar, target);
}

export const callbackUri = "https://app.example.test/callback";

/**
 * The code an application gets back when this browser's user signs in to it (a
 * first-party application, or a third-party one already consented to), with the PKCE
 * verifier that redeems it.
 */
export async function codeFor(
  jar: CookieJar,
  clientId: string,
  options: { scope: string; extra?: Record<string, string> },
): Promise<{ code: string; verifier: string }> {
  const { verifier, challenge } = pkce();
  const { location, hops } = await followBrowser(jar, authorizationUrl(clientId, { ...options, challenge }));
  const code = location.searchParams.get("code");
  expect(code, hops.join(" → ")).toBeTruthy();
  return { code: code!, verifier };
}

/** Redeems a code at the token endpoint, as the client it was issued to would. */
export function redeemCode(client: { clientId: string; clientSecret: string | null }, code: string, verifier: string) {
  return tokenRequest(client, { grant_type: "authorization_code", code, redirect_uri: callbackUri, code_verifier: verifier });
}

/**
 * Loads the identity provider and the route modules its flows pass through, so the first
 * test of a file does not spend its time limit on compiling them (call in beforeAll).
 */
export async function warmUpProvider(): Promise<void> {
  await api("GET", "/.well-known/openid-configuration");
  await api("GET", "/api/v1/users/me");
  await hasRoute("GET", "/interaction/warm-up");
}

/** The person's browser, signed in to us and, through the provider, to a first-party application; with the ID token it got. */
export async function signedInBrowser(options: { backchannelLogoutUri?: string } = {}) {
  const { user } = await createUser();
  const { application, clientSecret } = await createApplication({ firstParty: true, ...options });
  const ours = await sessionCookie(user);
  const jar = new CookieJar(ours.cookie);
  const { verifier, challenge } = pkce();
  const { location, hops } = await followBrowser(jar, authorizationUrl(application.clientId, { scope: "openid", challenge }));
  expect(location.searchParams.get("code"), hops.join(" → ")).toBeTruthy();
  const tokens = await tokenRequest(
    { clientId: application.clientId, clientSecret },
    {
      grant_type: "authorization_code",
      code: location.searchParams.get("code")!,
      redirect_uri: callbackUri,
      code_verifier: verifier,
    },
  );
  expect(tokens.status, JSON.stringify(tokens.body)).toBe(200);
  return { user, application, jar, sessionId: ours.sessionId, idToken: String(tokens.body!.id_token) };
}
