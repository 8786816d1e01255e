import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An application's back-channel logout endpoint on 127.0.0.1: keeps every logout token
 * posted to it (form-encoded, as Back-Channel Logout 1.0 sends them). `answers` are the
 * statuses it gives in turn; after the last, 200.
 */
export async function startLogoutReceiver({ answers = [] as number[] } = {}) {
  const state = { answers: [...answers], tokens: [] as string[], refused: 0 };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const status = state.answers.shift() ?? 200;
      const token = new URLSearchParams(Buffer.concat(chunks).toString("utf8")).get("logout_token");
      if (status < 300 && token && request.headers["content-type"] === "application/x-www-form-urlencoded") state.tokens.push(token);
      else state.refused += 1;
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/backchannel-logout`,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
