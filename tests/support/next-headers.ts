import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Stands in for `next/headers` in tests, which have no Next.js request: route handlers
 * and server actions called in-process read the headers and cookies of the request the
 * test runs them inside (`withIncomingRequest`). Cookies set by the code are kept on that
 * request, where the test can read them back.
 */
type IncomingRequest = { headers: Headers; cookies: Map<string, string> };

const storage = new AsyncLocalStorage<IncomingRequest>();

function cookiesOf(headers: Headers): Map<string, string> {
  const jar = new Map<string, string>();
  for (const pair of (headers.get("cookie") ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0) jar.set(pair.slice(0, at).trim(), decodeURIComponent(pair.slice(at + 1).trim()));
  }
  return jar;
}

/** Runs `work` as the handling of a request with these headers; answers what it returned and the cookies it left. */
export async function withIncomingRequest<T>(
  headers: Headers,
  work: () => Promise<T>,
): Promise<{ result: T; cookies: Map<string, string> }> {
  const request = { headers, cookies: cookiesOf(headers) };
  const result = await storage.run(request, work);
  return { result, cookies: request.cookies };
}

const current = () => storage.getStore() ?? { headers: new Headers(), cookies: new Map<string, string>() };

export async function headers(): Promise<Headers> {
  return current().headers;
}

export async function cookies() {
  const jar = current().cookies;
  return {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: (name: string | { name: string; value: string }, value?: string) => {
      if (typeof name === "string") jar.set(name, value ?? "");
      else jar.set(name.name, name.value);
    },
    delete: (name: string) => jar.delete(name),
  };
}

export async function draftMode() {
  return { isEnabled: false, enable: () => undefined, disable: () => undefined };
}
