import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isListening } from "@/ops/support/child-process";

// A server created the way Next.js creates its own, in a process that loaded the preload.
// Its one route answers when the test writes a line to its stdin, so a request stays in
// flight exactly as long as the test wants; the shutdown hook stands for the app's pool.
const heldServer = `
  const held = [];
  process.stdin.on("data", () => held.splice(0).forEach((response) => response.end("finished")));
  globalThis[Symbol.for("usermanager.shutdownHooks")].push(async () => console.log("hook ran"));
  require("node:http")
    .createServer((request, response) => { held.push(response); console.log("request held"); })
    .listen(0, "127.0.0.1", function () { console.log("port " + this.address().port); });
`;

type Started = { child: ChildProcessWithoutNullStreams; port: number; output: () => string; exit: Promise<number | null> };

async function startHeldServer(env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, ["--require", path.resolve("docker/graceful-shutdown.cjs"), "-e", heldServer], {
    env: { ...process.env, ...env },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await expect.poll(() => /port (\d+)/.test(output), { timeout: 20_000 }).toBe(true);
  return { child, port: Number(/port (\d+)/.exec(output)![1]), output: () => output, exit };
}

describe("docker/graceful-shutdown.cjs", () => {
  it("on SIGTERM stops accepting, finishes the request in flight, runs the shutdown hooks and exits 0", async () => {
    const server = await startHeldServer();
    const inFlight = fetch(`http://127.0.0.1:${server.port}/`);
    await expect.poll(() => server.output().includes("request held")).toBe(true);

    server.child.kill("SIGTERM");
    await expect.poll(() => isListening(server.port)).toBe(false);
    expect(server.child.exitCode).toBeNull();

    server.child.stdin.write("finish\n");
    const response = await inFlight;
    // Told to close, so that a client reusing connections opens its next one elsewhere.
    expect(response.headers.get("connection")).toBe("close");
    expect(await response.text()).toBe("finished");
    expect(await server.exit).toBe(0);
    expect(server.output()).toContain("hook ran");
    expect(server.output()).toContain('"outcome":"finished"');
  });

  it("cuts what is still running after SHUTDOWN_GRACE_SECONDS and exits 1, still running the hooks", async () => {
    const server = await startHeldServer({ SHUTDOWN_GRACE_SECONDS: "1" });
    const inFlight = fetch(`http://127.0.0.1:${server.port}/`).then(
      (response) =>
        response.text().then(
          () => "completed",
          () => "cut",
        ),
      () => "cut",
    );
    await expect.poll(() => server.output().includes("request held")).toBe(true);

    server.child.kill("SIGTERM");
    expect(await server.exit).toBe(1);
    expect(await inFlight).toBe("cut");
    expect(server.output()).toContain("hook ran");
  });
});
