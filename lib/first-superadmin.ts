import "server-only";
import { randomBytes } from "node:crypto";
import { config } from "@/lib/config";
import { ensureFirstSuperadmin } from "@/lib/services/users/ensure-first-superadmin";

export type SeededAdmin = { created: boolean; email: string | null; generatedPassword?: string };

/**
 * Creates the first superadmin of an empty installation from ADMIN_EMAIL and
 * ADMIN_PASSWORD or, when that is unset, a random password for the caller to show
 * once. There is no default password anywhere.
 */
export async function seedFirstSuperadmin(): Promise<SeededAdmin> {
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = config();
  const generatedPassword = ADMIN_PASSWORD ? undefined : randomBytes(12).toString("base64url");
  const result = await ensureFirstSuperadmin({
    email: ADMIN_EMAIL.toLowerCase(),
    password: ADMIN_PASSWORD ?? (generatedPassword as string),
  });
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
