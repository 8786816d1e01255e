import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "@/scripts/lib/free-port";
import { startDaemon } from "./child-process";

export type LoadBalancer = { url: string; stop(): Promise<void> };

/**
 * HAProxy (Debian's package) with a configuration of its own, balancing round-robin over
 * the given servers and naming the one that answered in X-Served-By.
 */
export async function startHaproxy(backendPorts: number[]): Promise<LoadBalancer> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "usermanager-haproxy-"));
  const port = await freePort();
  const configFile = path.join(folder, "haproxy.cfg");
  writeFileSync(
    configFile,
    [
      "global",
      "  maxconn 256",
      "defaults",
      "  mode http",
      "  timeout connect 5s",
      "  timeout client 60s",
      "  timeout server 60s",
      "  option forwardfor",
      "frontend web",
      `  bind 127.0.0.1:${port}`,
      "  default_backend app",
      "backend app",
      "  balance roundrobin",
      "  http-response set-header X-Served-By %s",
      ...backendPorts.map((backendPort, index) => `  server app${index + 1} 127.0.0.1:${backendPort}`),
      "",
    ].join("\n"),
  );
  const haproxy = await startDaemon("haproxy", ["-db", "-f", configFile], port);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await haproxy.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
