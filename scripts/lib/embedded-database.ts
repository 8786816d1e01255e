import path from "node:path";
import { clearStaleServerState } from "./embedded-database-state";
import { freePort } from "./free-port";

export type EmbeddedDatabase = {
  url: string;
  shadowUrl: string;
  close(): Promise<void>;
};

const serverName = "usermanager";

/**
 * Starts PGlite (PostgreSQL compiled to WebAssembly) behind a PostgreSQL wire-protocol
 * socket, so the app and the migration engine connect to it like to any server.
 * With a data folder it keeps its data there between runs; without one it lives in memory.
 */
export async function startEmbeddedDatabase({ dataDir }: { dataDir?: string }): Promise<EmbeddedDatabase> {
  if (dataDir) {
    // @prisma/dev keeps its files under $XDG_DATA_HOME; point that at the project's folder.
    process.env.XDG_DATA_HOME = path.resolve(dataDir);
    await clearStaleServerState(path.join(process.env.XDG_DATA_HOME, "prisma-dev-nodejs", serverName));
  }
  const { startPrismaDevServer } = await import("@prisma/dev");
  const [port, databasePort, shadowDatabasePort] = [await freePort(), await freePort(), await freePort()];
  const server = await startPrismaDevServer({
    name: serverName,
    persistenceMode: dataDir ? "stateful" : "stateless",
    port,
    databasePort,
    shadowDatabasePort,
  });
  return {
    url: server.database.connectionString,
    shadowUrl: server.shadowDatabase.connectionString,
    close: () => server.close(),
  };
}
