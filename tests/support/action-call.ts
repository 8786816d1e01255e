import type { FormState } from "@/lib/form-state";
import type { Credentials } from "@/tests/support/route-call";
import { withIncomingRequest } from "@/tests/support/next-headers";

type AnyAction = (...args: never[]) => unknown;

/**
 * Calls a server action in-process as a page's form would: the fields as `FormData`,
 * inside a request that carries the browser's session cookie (a list is a group of
 * checkboxes, sent once per ticked box). A form action takes the
 * previous state first; an action a client calls with an argument takes the fields
 * alone. Next.js's redirects and not-found come back as the state `{ redirected }`.
 */
export async function callServerAction(
  action: AnyAction,
  fields: Record<string, string | string[]>,
  as: Credentials = {},
): Promise<FormState & { redirected?: string }> {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) formData.append(name, one);
  const headers = new Headers({ "user-agent": "action-test", "x-forwarded-for": "192.0.2.20" });
  if (as.cookie) headers.set("cookie", as.cookie);
  const run = action as unknown as (...args: unknown[]) => Promise<FormState>;
  try {
    const { result } = await withIncomingRequest(headers, () => (action.length === 2 ? run({}, formData) : run(formData)));
    return result;
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_")) return { redirected: digest };
    throw error;
  }
}
