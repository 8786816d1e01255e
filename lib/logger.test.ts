import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/logger";
import { runWithRequestContext } from "@/lib/request-context";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ destination: stream, level: "info" }) };
}

describe("logger", () => {
  it("names the request on every line written while serving it", () => {
    const { lines, logger } = capture();
    runWithRequestContext({ requestId: "req-42", ip: null, userAgent: null }, () => logger.info("inside"));
    logger.info("outside");
    expect(lines[0]).toMatchObject({ msg: "inside", requestId: "req-42" });
    expect(lines[1]).not.toHaveProperty("requestId");
    expect(String(lines[0]!.time)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("redacts secrets that are logged by mistake", () => {
    const { lines, logger } = capture();
    logger.info({ password: "hunter22", user: { passwordHash: "$2b$" } }, "oops");
    expect(JSON.stringify(lines[0])).not.toMatch(/hunter22|\$2b\$/);
  });
});
