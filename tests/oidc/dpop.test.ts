import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { calculateJwkThumbprint, decodeJwt, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import { api } from "@/tests/support/api";
import { createApplication } from "@/tests/support/applications";
import { personalAccessToken } from "@/tests/support/callers";
import { createUser } from "@/tests/support/factories";
import { tokenRequest, warmUpProvider } from "@/tests/support/oidc-flow";

beforeAll(warmUpProvider);

const origin = "http://localhost:3000";

/** A client's DPoP key pair (RFC 9449), and proofs made with it. */
async function dpopKey() {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const jwk: JWK = await exportJWK(publicKey);
  return {
    thumbprint: await calculateJwkThumbprint(jwk, "sha256"),
    proof: (claims: { htm: string; htu: string; accessToken?: string; iat?: number; jti?: string }) => proofWith(privateKey, jwk, claims),
  };
}

function proofWith(
  privateKey: CryptoKey,
  jwk: JWK,
  claims: { htm: string; htu: string; accessToken?: string; iat?: number; jti?: string },
) {
  const ath = claims.accessToken ? createHash("sha256").update(claims.accessToken).digest("base64url") : undefined;
  return new SignJWT({ htm: claims.htm, htu: claims.htu, jti: claims.jti ?? randomUUID(), ...(ath ? { ath } : {}) })
    .setProtectedHeader({ alg: "ES256", typ: "dpop+jwt", jwk })
    .setIssuedAt(claims.iat)
    .sign(privateKey);
}

/** A machine application's API token, bound to `key` when one is given. */
async function apiToken(key?: Awaited<ReturnType<typeof dpopKey>>) {
  const { application, clientSecret } = await createApplication({ kind: "machine" });
  const client = { clientId: application.clientId, clientSecret };
  const headers: Record<string, string> = key ? { dpop: await key.proof({ htm: "POST", htu: `${origin}/oidc/token` }) } : {};
  const answer = await tokenRequest(client, { grant_type: "client_credentials", scope: "read" }, headers);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return { token: String(answer.body!.access_token), tokenType: String(answer.body!.token_type) };
}

const users = `${origin}/api/v1/users`;
const callApi = (headers: Record<string, string>) => api("GET", "/api/v1/users?limit=1", { headers });

describe("DPoP (RFC 9449): a token bound to the client's key", () => {
  it("is issued when the client sends a proof, and /api/v1 takes it with a fresh proof for each request", async () => {
    const key = await dpopKey();
    const { token, tokenType } = await apiToken(key);
    expect(tokenType).toBe("DPoP");
    expect(decodeJwt(token).cnf).toEqual({ jkt: key.thumbprint });

    for (let request = 0; request < 2; request++) {
      const answer = await callApi({
        authorization: `DPoP ${token}`,
        dpop: await key.proof({ htm: "GET", htu: users, accessToken: token }),
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    }
  });

  describe("from the attacker's side: someone who copied the token but not the key", () => {
    it.each([
      ["sends it as a bearer token", async () => ({})],
      ["sends it without a proof", async () => ({ scheme: "DPoP" })],
      [
        "signs a proof with a key of their own",
        async (token: string) => ({ scheme: "DPoP", proof: await (await dpopKey()).proof({ htm: "GET", htu: users, accessToken: token }) }),
      ],
    ])("is refused when the thief %s", async (_how, make) => {
      const key = await dpopKey();
      const { token } = await apiToken(key);
      const { scheme = "Bearer", proof } = (await make(token)) as { scheme?: string; proof?: string };
      const answer = await callApi({ authorization: `${scheme} ${token}`, ...(proof ? { dpop: proof } : {}) });
      expect(answer.status).toBe(401);
    });

    it("cannot replay a proof it saw, nor use one made for another request, another token or long ago", async () => {
      const key = await dpopKey();
      const { token } = await apiToken(key);
      const withProof = (proof: string) => callApi({ authorization: `DPoP ${token}`, dpop: proof });

      const seen = await key.proof({ htm: "GET", htu: users, accessToken: token });
      expect((await withProof(seen)).status).toBe(200);
      const replayed = await withProof(seen);
      expect(replayed.status).toBe(401);
      expect(replayed.headers.get("www-authenticate")).toMatch(/^DPoP algs="ES256[^"]*", error="invalid_token"/);

      expect((await withProof(await key.proof({ htm: "POST", htu: users, accessToken: token }))).status).toBe(401);
      expect((await withProof(await key.proof({ htm: "GET", htu: `${origin}/api/v1/users/me`, accessToken: token }))).status).toBe(401);
      expect((await withProof(await key.proof({ htm: "GET", htu: users }))).status).toBe(401);
      expect((await withProof(await key.proof({ htm: "GET", htu: users, accessToken: `${token}x` }))).status).toBe(401);
      const hourAgo = Math.floor(Date.now() / 1000) - 3600;
      expect((await withProof(await key.proof({ htm: "GET", htu: users, accessToken: token, iat: hourAgo }))).status).toBe(401);
    });
  });

  it("is not claimed for a token that is not bound: the DPoP scheme with an unbound token, or a personal one, is refused", async () => {
    const key = await dpopKey();
    const { token, tokenType } = await apiToken();
    expect(tokenType).toBe("Bearer");
    expect((await callApi({ authorization: `Bearer ${token}` })).status).toBe(200);
    const asDpop = await callApi({ authorization: `DPoP ${token}`, dpop: await key.proof({ htm: "GET", htu: users, accessToken: token }) });
    expect(asDpop.status).toBe(401);

    const { user } = await createUser({ role: "admin" });
    const personal = await personalAccessToken(user);
    const personalAsDpop = await callApi({
      authorization: `DPoP ${personal}`,
      dpop: await key.proof({ htm: "GET", htu: users, accessToken: personal }),
    });
    expect(personalAsDpop.status).toBe(401);
    expect((await callApi({ authorization: `Bearer ${personal}` })).status).toBe(200);
  });
});
