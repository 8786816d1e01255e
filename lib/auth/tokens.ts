import { createHash, randomBytes } from "node:crypto";

/** A random secret for a cookie or link; 32 bytes is beyond guessing. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Secrets are stored only as SHA-256 digests: they are long and random, so a slow
 * hash adds nothing, and a stolen table holds nothing that signs anyone in.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Personal access tokens start with this, so they are recognisable in code and in leak scanners. */
export const personalAccessTokenPrefix = "umt_";

/** A new personal access token and the few characters shown to tell it apart later. */
export function generatePersonalAccessToken(): { token: string; displayPrefix: string } {
  const token = `${personalAccessTokenPrefix}${generateToken()}`;
  return { token, displayPrefix: token.slice(0, personalAccessTokenPrefix.length + 8) };
}

export function isPersonalAccessToken(token: string): boolean {
  return token.startsWith(personalAccessTokenPrefix);
}

const refreshTokenPattern = /^umr_([a-z]+(?:-[a-z]+)*)_[A-Za-z0-9_-]{43}$/;

/**
 * A refresh token names the scopes it was granted in clear, so a refresh can never widen
 * them without a column to remember them in; the scopes are part of the secret whose
 * digest is stored, so changing them yields a token that matches nothing.
 */
export function generateRefreshToken(scopes: readonly string[]): string {
  return `umr_${scopes.join("-")}_${generateToken()}`;
}

/** The scope names a refresh token carries, or null when it is not shaped like one. */
export function refreshTokenScopes(token: string): string[] | null {
  const match = refreshTokenPattern.exec(token);
  return match ? match[1]!.split("-") : null;
}

/** SCIM tokens start with this, so they are told apart from personal access tokens at a glance and by leak scanners. */
export const scimTokenPrefix = "scim_";

/** A new SCIM token and the few characters shown to tell it apart later. */
export function generateScimToken(): { token: string; displayPrefix: string } {
  const token = `${scimTokenPrefix}${generateToken()}`;
  return { token, displayPrefix: token.slice(0, scimTokenPrefix.length + 8) };
}
