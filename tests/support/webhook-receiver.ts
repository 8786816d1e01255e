import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type ReceivedWebhook = {
  id: string;
  headers: IncomingHttpHeaders;
  body: string;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
};

/**
 * A webhook receiver on 127.0.0.1, as a customer would run one: it verifies every
 * delivery with the standardwebhooks package and refuses (401) one that does not verify.
 * `answers` are the statuses it gives in turn; after the last, 200.
 */
export async function startWebhookReceiver({ answers = [] as number[] } = {}) {
  const state = { secret: "", answers: [...answers], received: [] as ReceivedWebhook[], refused: 0 };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      try {
        new Webhook(state.secret).verify(body, request.headers as Record<string, string>);
      } catch {
        state.refused += 1;
        response.writeHead(401).end("bad signature");
        return;
      }
      const status = state.answers.shift() ?? 200;
      if (status < 300)
        state.received.push({ id: String(request.headers["webhook-id"]), headers: request.headers, body, payload: JSON.parse(body) });
      response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "try again later");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    state,
    /** Until `count` deliveries arrived, or fails after `timeoutMs`. */
    waitFor: async (count: number, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (state.received.length < count) {
        if (Date.now() > deadline) throw new Error(`Only ${state.received.length} of ${count} deliveries arrived`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
