import { randomBytes } from "node:crypto";
import { api } from "@/tests/support/api";
import type { Credentials, RouteAnswer } from "@/tests/support/route-call";

/**
 * A client address no other test uses (a /64 of the IPv6 documentation prefix): password
 * guesses are limited per address over every account, so a test that signs in often or
 * fails on purpose must not share its address with the rest of the run.
 */
export function uniqueAddress(): string {
  const hex = randomBytes(4).toString("hex");
  return `2001:db8:${hex.slice(0, 4)}:${hex.slice(4)}::1`;
}

type CallOptions = { as?: Credentials; body?: unknown; headers?: Record<string, string> };

export type ApiClient = {
  /** Calls the API in-process as `as` (a session cookie or a bearer token), or as nobody. */
  call(method: string, path: string, options?: CallOptions): Promise<RouteAnswer>;
  /** Posts form fields, as OAuth clients call the token and revocation endpoints. */
  form(path: string, fields: Record<string, string>, options?: CallOptions): Promise<RouteAnswer>;
};

/** A client of the API calling from one address of its own, as one machine would. */
export function clientAt(address = uniqueAddress()): ApiClient {
  const call: ApiClient["call"] = (method, path, options = {}) =>
    api(method, path, { ...options, headers: { "x-forwarded-for": address, ...options.headers } });
  return {
    call,
    form: (path, fields, options = {}) =>
      call("POST", path, {
        ...options,
        body: new URLSearchParams(fields).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded", ...options.headers },
      }),
  };
}

export const bearer = (token: string): Credentials => ({ bearer: token });
