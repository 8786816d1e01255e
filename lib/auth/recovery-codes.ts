import { randomInt } from "node:crypto";
import { hashToken } from "@/lib/auth/tokens";

/**
 * Recovery codes are random, so a fast digest is enough to store them (as for tokens):
 * ten groups of characters from an alphabet without look-alikes (no 0/O, 1/I/L), 50 bits
 * each, typed with or without the dash and in any case. Guessing is bounded by the same
 * per-account limits as passwords.
 */
const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const recoveryCodeCount = 10;

function randomGroup(length: number): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join("");
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => `${randomGroup(5)}-${randomGroup(5)}`);
}

/** How a typed code is compared: without spaces or dashes, in upper case. */
export function normalizeRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, "").toUpperCase();
}

export function hashRecoveryCode(code: string): string {
  return hashToken(`recovery:${normalizeRecoveryCode(code)}`);
}
