import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "@/scripts/lib/free-port";
import { startDaemon } from "./child-process";

export type Pooler = { url: string; stop(): Promise<void> };

/**
 * PgBouncer (Debian's package) in transaction pooling mode in front of one database, with
 * a configuration and auth file of its own. Root may not run it, so it drops to `postgres`.
 */
export async function startPgbouncer(databaseUrl: string): Promise<Pooler> {
  const target = new URL(databaseUrl);
  const database = target.pathname.slice(1);
  const user = decodeURIComponent(target.username || "postgres");
  const folder = mkdtempSync(path.join(os.tmpdir(), "usermanager-pgbouncer-"));
  chmodSync(folder, 0o777);
  const port = await freePort();
  writeFileSync(path.join(folder, "users.txt"), `"${user}" ""\n`);
  writeFileSync(
    path.join(folder, "pgbouncer.ini"),
    [
      "[databases]",
      `${database} = host=${target.hostname} port=${target.port || 5432} dbname=${database}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      `unix_socket_dir =`,
      "auth_type = trust",
      `admin_users = ${user}`,
      `auth_file = ${path.join(folder, "users.txt")}`,
      "pool_mode = transaction",
      "default_pool_size = 5",
      "max_client_conn = 100",
      "ignore_startup_parameters = extra_float_digits,options",
      "",
    ].join("\n"),
  );
  const asRoot = process.getuid?.() === 0;
  const args = [...(asRoot ? ["-u", "postgres"] : []), path.join(folder, "pgbouncer.ini")];
  const pgbouncer = await startDaemon("pgbouncer", args, port);
  return {
    url: `postgresql://${encodeURIComponent(user)}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      await pgbouncer.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
