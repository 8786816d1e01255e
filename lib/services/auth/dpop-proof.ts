import "server-only";
import { createHash } from "node:crypto";
import { calculateJwkThumbprint, EmbeddedJWK, jwtVerify, type JWK } from "jose";
import { db } from "@/lib/db";

/**
 * Checks a DPoP proof (RFC 9449, section 4.3) sent to this API with a DPoP-bound access
 * token: a JWT of type dpop+jwt, signed by the key in its own header, for this request's
 * method and address, made moments ago, naming the access token (ath), with a key whose
 * thumbprint the token is bound to (cnf.jkt), and never seen before. A thief who holds
 * the token but not the client's private key cannot make one.
 */
export type DpopRequest = { proof: string; method: string; url: string; accessToken: string; boundTo: string };

/** The asymmetric algorithms a proof may use; DPoP refuses symmetric ones and none. */
export const dpopAlgorithms = ["ES256", "ES384", "RS256", "PS256", "EdDSA"];
/** How far a proof's iat may be from now: clocks differ a little, and a proof is made for one request. */
const allowedSkewSeconds = 60;

const sha256 = (value: string) => createHash("sha256").update(value).digest("base64url");

/** The request's address as a proof names it: scheme, host and path, without query or fragment (RFC 9449, 4.3). */
function withoutQuery(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return null;
  }
}

/** Whether the proof holds; a reason when it does not (for the log, never for the caller). */
export async function checkDpopProof({ proof, method, url, accessToken, boundTo }: DpopRequest): Promise<string | null> {
  let verified;
  try {
    verified = await jwtVerify(proof, EmbeddedJWK, { typ: "dpop+jwt", algorithms: dpopAlgorithms });
  } catch {
    return "the proof is not a DPoP JWT signed by the key in its header";
  }
  const { payload, protectedHeader } = verified;
  const jwk = protectedHeader.jwk as JWK;
  if (["d", "p", "q", "dp", "dq", "qi", "k"].some((member) => member in jwk)) return "the proof's key is not a public key";
  if (payload.htm !== method) return "the proof is for another method";
  if (typeof payload.htu !== "string" || withoutQuery(payload.htu) !== withoutQuery(url)) return "the proof is for another address";
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.iat !== "number" || Math.abs(now - payload.iat) > allowedSkewSeconds) return "the proof is not fresh";
  if (payload.ath !== sha256(accessToken)) return "the proof is for another access token";
  const thumbprint = await calculateJwkThumbprint(jwk, "sha256");
  if (thumbprint !== boundTo) return "the proof's key is not the one the token is bound to";
  if (typeof payload.jti !== "string" || payload.jti.length === 0 || payload.jti.length > 256) return "the proof has no valid jti";
  return (await firstUse(thumbprint, payload.jti)) ? null : "the proof was used before";
}

/**
 * Remembers a proof's jti until it could no longer be fresh, shared by every instance
 * through the database: a second use, anywhere, is a replay. Kept beside the provider's
 * own replay records and swept with them.
 */
async function firstUse(thumbprint: string, jti: string): Promise<boolean> {
  const { count } = await db().oidcRecord.createMany({
    data: [
      {
        kind: "ApiDpopProof",
        id: sha256(`${thumbprint}:${jti}`),
        payload: {},
        expiresAt: new Date(Date.now() + 2 * allowedSkewSeconds * 1000),
      },
    ],
    skipDuplicates: true,
  });
  return count === 1;
}
