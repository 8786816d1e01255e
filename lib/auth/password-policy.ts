import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * The 49,233 most common passwords from zxcvbn-ts's common dictionary (@zxcvbn-ts/
 * language-common, MIT, compiled from public breach corpora). Compared lower-cased, so
 * "Password1" counts as "password1".
 */
let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"].map((entry) => entry.toLowerCase()));
  return common.has(password.toLowerCase());
}
