import "server-only";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { Webhook } from "standardwebhooks";
import { assertSendableUrl, checkedLookup, resolveAllowedAddresses } from "@/lib/services/webhooks/webhook-target";

/** How long a receiver has to answer; it should queue the event and answer at once. */
export const sendTimeoutMs = 10_000;
/** How much of an answer the delivery log keeps. */
const excerptBytes = 1024;

export type SendResult = { statusCode: number | null; durationMs: number; responseExcerpt: string; succeeded: boolean };

/**
 * The `webhook-signature` header: one `v1,<signature>` per secret, space-separated, so
 * during a rotation's overlap the receiver accepts the delivery with either secret.
 */
export function signatureHeader(secrets: string[], messageId: string, sentAt: Date, payload: string): string {
  return secrets.map((secret) => new Webhook(secret).sign(messageId, sentAt, payload)).join(" ");
}

/**
 * Sends one signed delivery. Redirects are not followed (a 3xx is a failure: it could
 * point anywhere), the connection goes only to addresses checked at this moment
 * (checkedLookup), and the whole exchange ends after sendTimeoutMs.
 */
export async function sendWebhook({
  url,
  messageId,
  payload,
  secrets,
}: {
  url: string;
  messageId: string;
  payload: string;
  secrets: string[];
}): Promise<SendResult> {
  const started = performance.now();
  const finish = (statusCode: number | null, responseExcerpt: string): SendResult => ({
    statusCode,
    durationMs: Math.round(performance.now() - started),
    responseExcerpt,
    succeeded: statusCode !== null && statusCode >= 200 && statusCode < 300,
  });
  try {
    const target = assertSendableUrl(url);
    // An IP literal never reaches a lookup function: check it here.
    if (isIP(target.hostname.replace(/^\[|\]$/g, ""))) await resolveAllowedAddresses(target.hostname);
    const sentAt = new Date();
    const { statusCode, body } = await postToTarget(target, payload, {
      "content-type": "application/json",
      "user-agent": "Usermanager-Webhooks/1",
      "webhook-id": messageId,
      "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
      "webhook-signature": signatureHeader(secrets, messageId, sentAt, payload),
    });
    return finish(statusCode, body);
  } catch (error) {
    return finish(null, error instanceof Error ? error.message.slice(0, excerptBytes) : "The delivery failed.");
  }
}

/**
 * One POST to a checked target: no redirects followed, addresses checked in the socket's
 * own lookup, an answer cut at 1 KB, the whole exchange over after sendTimeoutMs. The
 * back-channel logout dispatcher sends through it too.
 */
export function postToTarget(target: URL, payload: string, headers: Record<string, string>): Promise<{ statusCode: number; body: string }> {
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-length": Buffer.byteLength(payload) },
        lookup: checkedLookup,
        timeout: sendTimeoutMs,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        response.on("data", (chunk: Buffer) => {
          if (kept < excerptBytes) chunks.push(chunk.subarray(0, excerptBytes - kept));
          kept += chunk.length;
          // The rest of a long answer is not wanted: stop reading it.
          if (kept >= excerptBytes) response.destroy();
        });
        const done = () => resolve({ statusCode: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") });
        response.on("end", done);
        response.on("close", done);
        response.on("error", done);
      },
    );
    const deadline = setTimeout(() => request.destroy(new Error(`No answer within ${sendTimeoutMs / 1000} s.`)), sendTimeoutMs);
    request.on("close", () => clearTimeout(deadline));
    request.on("timeout", () => request.destroy(new Error(`No answer within ${sendTimeoutMs / 1000} s.`)));
    request.on("error", reject);
    request.end(payload);
  });
}
