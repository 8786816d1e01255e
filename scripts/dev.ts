/**
 * `npm run dev`: the whole product on a fresh machine with no setup. Without
 * DATABASE_URL it starts an embedded PostgreSQL (PGlite) that keeps its data in
 * DATA_DIR (default .data), applies the migrations, creates the first superadmin,
 * starts Next.js and prints where to sign in.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./lib/embedded-database";
import { localAuthSecret } from "./lib/local-secret";
import { migrateDeploy } from "./lib/migrate";

if (existsSync(".env")) process.loadEnvFile(".env");

const dataDir = path.resolve(process.env.DATA_DIR || ".data");
const port = Number(process.env.PORT || 3000);
const appUrl = process.env.APP_URL || `http://localhost:${port}`;
const nextCommand = process.env.DEV_SERVER === "production" ? "start" : "dev";

async function main() {
  let embedded: EmbeddedDatabase | undefined;
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedDatabase({ dataDir });
    process.env.DATABASE_URL = embedded.url;
    process.env.DIRECT_DATABASE_URL = embedded.url;
    process.env.SHADOW_DATABASE_URL = embedded.shadowUrl;
    // The embedded server answers one connection at a time.
    process.env.DATABASE_POOL_SIZE = "1";
  }
  process.env.AUTH_SECRET ||= localAuthSecret(dataDir);
  process.env.APP_URL = appUrl;

  await migrateDeploy(process.env.DIRECT_DATABASE_URL || process.env.DATABASE_URL);
  const { seedFirstSuperadmin, describeFirstSuperadmin } = await import("@/lib/server/first-superadmin");
  const { disconnectDb } = await import("@/lib/db");
  const admin = await seedFirstSuperadmin();
  await disconnectDb();

  const next = spawn(path.resolve("node_modules/.bin/next"), [nextCommand, "--port", String(port)], {
    stdio: ["inherit", "pipe", "inherit"],
    // The same socket-peer record as the production entry, so client addresses mean the same.
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_OPTIONS: nodeOptionsWithSocketPeer() },
  });
  next.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (/Ready in|✓ Ready|started server/i.test(chunk.toString()))
      printSignInHelp(describeFirstSuperadmin(admin), embedded ? dataDir : "the DATABASE_URL database");
  });

  const stop = async (code: number) => {
    next.kill("SIGTERM");
    await embedded?.close();
    process.exit(code);
  };
  next.on("exit", (code) => void stop(code ?? 0));
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
}

function nodeOptionsWithSocketPeer(): string {
  const preload = `--require ${JSON.stringify(path.resolve("docker/socket-peer.cjs"))}`;
  return [process.env.NODE_OPTIONS, preload].filter(Boolean).join(" ");
}

function printSignInHelp(howToSignIn: string, dataLocation: string) {
  console.log(
    [
      "",
      `  Usermanager is running at ${appUrl}`,
      `  Sign in at ${appUrl}/sign-in`,
      `  ${howToSignIn}`,
      `  Data is kept in ${dataLocation}`,
      "",
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
