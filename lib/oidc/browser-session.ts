import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { currentRequestContext } from "@/lib/request-context";
import { findSessionActor } from "@/lib/services/auth/find-session-actor";
import { readSessionSecret } from "@/lib/session/auth-cookies";

const looked = new WeakMap<object, Promise<Actor | null>>();

/**
 * The session of ours the browser behind a provider request holds, looked up once per
 * request and noted on the request context: the provider accepts its own session only
 * beside it (interaction-policy.ts), and a provider session saved on the request records
 * it (oidc-adapter.ts), so the two end together. An administrator's "view as" counts as
 * none: it signs in nowhere.
 */
export function browserSessionActor(cookieHeader: string | null): Promise<Actor | null> {
  const context = currentRequestContext();
  const key = context ?? {};
  const known = looked.get(key);
  if (known) return known;
  const lookup = (async () => {
    const secret = await readSessionSecret(cookieHeader);
    const actor = secret ? await findSessionActor(secret) : null;
    const usable = actor?.sessionId && !actor.impersonator ? actor : null;
    if (context) context.browserSession = usable ? { id: usable.sessionId!, userId: usable.userId } : null;
    return usable;
  })();
  looked.set(key, lookup);
  return lookup;
}
