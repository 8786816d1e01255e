import "server-only";
import { randomBytes } from "node:crypto";
import { passwordProblem } from "@/lib/auth/password-policy";
import { config, ConfigError } from "@/lib/config";
import { ensureFirstSuperadmin } from "@/lib/services/users/ensure-first-superadmin";

export type SeededAdmin = { created: boolean; email: string | null; generatedPassword?: string };

/**
 * Creates the first superadmin of an empty installation from ADMIN_EMAIL and
 * ADMIN_PASSWORD or, when that is unset, a random password for the caller to show
 * once. There is no default password anywhere. ADMIN_PASSWORD obeys the password policy
 * like any other password; one it refuses stops the start as a configuration error,
 * checked on every start so that a weak value is found before it is ever used.
 */
export async function seedFirstSuperadmin(): Promise<SeededAdmin> {
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = config();
  const email = ADMIN_EMAIL.toLowerCase();
  const refused = ADMIN_PASSWORD ? passwordProblem({ password: ADMIN_PASSWORD, email }) : null;
  if (refused) throw new ConfigError([`ADMIN_PASSWORD is refused by the password policy: ${refused}`]);
  const generatedPassword = ADMIN_PASSWORD ? undefined : randomBytes(12).toString("base64url");
  const result = await ensureFirstSuperadmin({ email, password: ADMIN_PASSWORD ?? (generatedPassword as string) });
  return result.created ? { ...result, generatedPassword } : result;
}

/** How to sign in, for the console; the password only when it was just generated. */
export function describeFirstSuperadmin(admin: SeededAdmin): string {
  if (!admin.created) return `Sign in as ${admin.email} with the password set when it was created.`;
  const password = admin.generatedPassword
    ? `${admin.generatedPassword}   (shown only this once: change it after signing in)`
    : "the value of ADMIN_PASSWORD";
  return `First superadmin created.\n    email:    ${admin.email}\n    password: ${password}`;
}
