import { readFile, rename, writeFile } from "node:fs/promises";
import type { ExportedHead } from "@/lib/services/audit/verify-audit-chain";

/** How a head is written down: `<place>:<hash>`, as `npm run audit:verify` prints it and `--expect-head` takes it. */
export const formatHead = (head: { seq: bigint | string; hash: string }) => `${head.seq}:${head.hash}`;

/** Reads `<place>:<hash>`; anything else is refused with the reason, so a mistyped head never passes as "no head". */
export function parseHead(text: string): ExportedHead {
  const match = /^(\d{1,19}):([0-9a-f]{64})$/.exec(text.trim());
  if (!match) throw new Error(`"${text.trim()}" is not a head: expected <place>:<64 hex digits>, as audit:verify prints it.`);
  return { seq: BigInt(match[1]!), hash: match[2]! };
}

/** The head a file holds, or null when there is no file yet (the first run). */
export async function readHeadFile(path: string): Promise<ExportedHead | null> {
  const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  return text === null ? null : parseHead(text);
}

/** Replaces the file's head in one step (write beside it, then rename), so a crash never leaves half a head. */
export async function writeHeadFile(path: string, head: { seq: bigint | string; hash: string }): Promise<void> {
  await writeFile(`${path}.tmp`, `${formatHead(head)}\n`, { mode: 0o644 });
  await rename(`${path}.tmp`, path);
}
