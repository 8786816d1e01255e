import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A server created the way Next.js creates its own, in a process that loaded the preload.
const echoForwardedFor = `
  require("node:http")
    .createServer((request, response) => response.end(request.headers["x-forwarded-for"] ?? ""))
    .listen(0, "127.0.0.1", function () { console.log(this.address().port); });
`;

describe("docker/socket-peer.cjs", () => {
  let url: string;
  let stop: () => void;

  beforeAll(async () => {
    const child = spawn(process.execPath, ["--require", path.resolve("docker/socket-peer.cjs"), "-e", echoForwardedFor]);
    stop = () => child.kill();
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
      child.once("exit", (code) => reject(new Error(`exited with ${code}`)));
    });
    url = `http://127.0.0.1:${port}/`;
  });
  afterAll(() => stop());

  it("records the socket peer when the client sends no X-Forwarded-For", async () => {
    expect(await (await fetch(url)).text()).toBe("127.0.0.1");
  });

  it("keeps what the client sent to the left of the socket peer, which it cannot forge", async () => {
    const answer = await fetch(url, { headers: { "x-forwarded-for": "203.0.113.9, 198.51.100.1" } });
    expect(await answer.text()).toBe("203.0.113.9, 198.51.100.1, 127.0.0.1");
  });
});
