import { freePort } from "@/scripts/lib/free-port";
import { startStandaloneServer, type RunningServer } from "@/scripts/lib/standalone-server";

/** What scripts/ops-tests.ts prepared: one migrated database with a superadmin. */
export const shared = {
  databaseUrl: process.env.OPS_DATABASE_URL ?? "",
  authSecret: process.env.OPS_AUTH_SECRET ?? "",
  admin: { email: process.env.OPS_ADMIN_EMAIL ?? "", password: process.env.OPS_ADMIN_PASSWORD ?? "" },
};

export type OpsServer = RunningServer & { port: number };

/**
 * A production (standalone) server on the shared database unless `env` names another.
 * Sign-in limits are relaxed (every request comes from 127.0.0.1) unless `env` sets them.
 */
export async function startServer(env: Record<string, string> = {}): Promise<OpsServer> {
  const port = await freePort();
  const server = await startStandaloneServer(
    {
      DATABASE_URL: shared.databaseUrl,
      AUTH_SECRET: shared.authSecret,
      APP_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: "warn",
      BCRYPT_COST: "10",
      DATABASE_POOL_SIZE: "5",
      RATE_LIMIT_SIGN_IN_PER_IP: "10000",
      RATE_LIMIT_SIGN_IN_PER_ACCOUNT: "10000",
      ...env,
    },
    port,
  );
  return { ...server, port };
}
