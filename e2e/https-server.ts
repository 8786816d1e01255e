import { randomBytes } from "node:crypto";
import { freePort } from "@/scripts/lib/free-port";
import { startStandaloneServer } from "@/scripts/lib/standalone-server";
import { relaxedSignInLimits } from "./support";

/**
 * A second server on the e2e database that believes it is served over https (APP_URL),
 * for what changes behind TLS: cookie prefixes, Strict-Transport-Security. It is still
 * reached over http, as a reverse proxy would reach it.
 */
export async function startServerBehindHttps() {
  return startStandaloneServer(
    {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      DATABASE_POOL_SIZE: "2",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      APP_URL: "https://users.example.test",
      LOG_LEVEL: "fatal",
      ...relaxedSignInLimits,
    },
    await freePort(),
  );
}
