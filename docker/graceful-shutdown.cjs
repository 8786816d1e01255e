/**
 * Graceful shutdown for the production server. On SIGTERM (or SIGINT) the server stops
 * accepting connections, lets the requests in flight finish for up to
 * SHUTDOWN_GRACE_SECONDS (default 10), cuts whatever is still open after that, runs the
 * app's shutdown hooks (lib/db.ts closes its connection pool there) and exits: 0 when
 * every request finished, 1 when some had to be cut.
 *
 * Next.js's own handler waits without a limit and exits 143, and it cannot close the
 * app's pool; NEXT_MANUAL_SIG_HANDLE turns it off. Loaded before the server starts, like
 * socket-peer.cjs, since the http.Server Next.js creates is reachable only from here.
 */
"use strict";
const http = require("node:http");

const hooksKey = Symbol.for("usermanager.shutdownHooks");
globalThis[hooksKey] ??= [];

process.env.NEXT_MANUAL_SIG_HANDLE = "true";

// Read here rather than through lib/config.ts, which the server validates on its own at start.
const graceSeconds = /^\d+$/.test(process.env.SHUTDOWN_GRACE_SECONDS ?? "") ? Number(process.env.SHUTDOWN_GRACE_SECONDS) : 10;
const servers = new Set();
const unanswered = new Set();
let shuttingDown = false;

/** One JSON line, shaped like the app's pino lines, so log collectors read both alike. */
function log(level, msg, fields = {}) {
  const levels = { info: 30, warn: 40, error: 50 };
  process.stdout.write(`${JSON.stringify({ level: levels[level], time: Date.now(), pid: process.pid, msg, ...fields })}\n`);
}

const originalCreateServer = http.createServer;
http.createServer = function createServerWithGracefulShutdown(...args) {
  const index = args.findIndex((arg) => typeof arg === "function");
  if (index !== -1) {
    const listener = args[index];
    // Answers given during shutdown tell the client to close the connection, so that it
    // opens its next one elsewhere; those not yet started when the signal came are found here.
    args[index] = function closeConnectionWhenShuttingDown(request, response) {
      if (shuttingDown) response.setHeader("connection", "close");
      unanswered.add(response);
      response.once("close", () => unanswered.delete(response));
      return listener.call(this, request, response);
    };
  }
  const server = originalCreateServer.apply(this, args);
  servers.add(server);
  return server;
};

async function runShutdownHooks() {
  for (const hook of globalThis[hooksKey]) {
    try {
      await hook();
    } catch (error) {
      log("error", "a shutdown hook failed", { err: { message: String(error?.message ?? error) } });
    }
  }
}

async function shutDown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  log("info", "shutting down", { signal, graceSeconds, inFlight: unanswered.size });
  for (const response of unanswered) if (!response.headersSent) response.setHeader("connection", "close");
  // close() stops accepting and closes idle connections; the sweep closes kept-alive ones
  // as soon as their request is answered.
  const closed = Promise.all([...servers].map((server) => new Promise((resolve) => server.close(() => resolve()))));
  const sweep = setInterval(() => servers.forEach((server) => server.closeIdleConnections()), 100);
  let timer;
  const outcome = await Promise.race([
    closed.then(() => "finished"),
    new Promise((resolve) => (timer = setTimeout(() => resolve("timed out"), graceSeconds * 1000))),
  ]);
  clearTimeout(timer);
  clearInterval(sweep);
  if (outcome === "timed out") {
    log("warn", "grace period over; closing the connections still open", { graceSeconds });
    servers.forEach((server) => server.closeAllConnections());
  }
  await runShutdownHooks();
  log("info", "shut down", { outcome });
  process.exit(outcome === "finished" ? 0 : 1);
}

process.on("SIGTERM", () => void shutDown("SIGTERM"));
process.on("SIGINT", () => void shutDown("SIGINT"));
