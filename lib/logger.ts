import "server-only";
import { createRequire } from "node:module";
import pino, { type DestinationStream } from "pino";
import { currentRequestContext } from "@/lib/request-context";

function prettyStream(): DestinationStream | undefined {
  // pino-pretty is a development dependency; production images log JSON only.
  try {
    const pretty = createRequire(import.meta.url)("pino-pretty") as (options: object) => DestinationStream;
    return pretty({ colorize: true, ignore: "pid,hostname", translateTime: "HH:MM:ss.l" });
  } catch {
    return undefined;
  }
}

/** Exported for tests, which pass a stream to read what was written. */
export function createLogger({
  destination,
  level = process.env.LOG_LEVEL ?? "info",
}: { destination?: DestinationStream; level?: string } = {}) {
  const format = process.env.LOG_FORMAT ?? (process.env.NODE_ENV === "production" ? "json" : "pretty");
  const options = {
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    // Every line written while a request is being served names that request.
    mixin: () => {
      const context = currentRequestContext();
      return context ? { requestId: context.requestId } : {};
    },
    redact: {
      paths: ["password", "*.password", "passwordHash", "*.passwordHash", "token", "*.token", "authorization", "*.authorization"],
      censor: "[redacted]",
    },
  };
  const stream = destination ?? (format === "pretty" ? prettyStream() : undefined);
  return stream ? pino(options, stream) : pino(options);
}

const globalForLogger = globalThis as unknown as { logger?: pino.Logger };

export const logger = (globalForLogger.logger ??= createLogger());
