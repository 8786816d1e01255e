import "server-only";
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { config } from "@/lib/config";
import { currentRequestContext } from "@/lib/request-context";

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

/**
 * A Node request as the provider (a Koa application) reads one, made from the Web request
 * a Next.js route handler receives: method, path, headers and body. It is told the public
 * scheme and host of APP_URL and the client address the request context already trusted
 * (lib/request-context.ts), so the provider builds the same URLs and sees the same client
 * as the rest of the app, whatever proxy is in front.
 */
export function nodeRequestFrom(request: Request, body?: Buffer): IncomingMessage {
  const url = new URL(request.url);
  const publicUrl = new URL(config().APP_URL);
  const req = new IncomingMessage(new Socket());
  req.method = request.method;
  req.url = `${url.pathname}${url.search}`;
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  headers.host = publicUrl.host;
  headers["x-forwarded-proto"] = publicUrl.protocol.replace(":", "");
  headers["x-forwarded-host"] = publicUrl.host;
  headers["x-forwarded-for"] = currentRequestContext()?.ip ?? "127.0.0.1";
  if (body) headers["content-length"] = String(body.length);
  req.headers = headers;
  if (body) req.push(body);
  req.push(null);
  return req;
}

/** A Node response that keeps what is written to it, and the Web Response it amounts to once ended. */
export function capturingResponse(req: IncomingMessage): { res: ServerResponse; finished: Promise<Response> } {
  const res = new ServerResponse(req);
  const chunks: Buffer[] = [];
  let resolve!: (response: Response) => void;
  const finished = new Promise<Response>((done) => (resolve = done));
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(
      Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"),
    );
  };
  res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    keep(chunk, encoding);
    const done = [encoding, callback].find((candidate) => typeof candidate === "function") as (() => void) | undefined;
    done?.();
    return true;
  }) as ServerResponse["write"];
  res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    keep(chunk, encoding);
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.getHeaders())) {
      for (const one of [value].flat()) if (one !== undefined) headers.append(name, String(one));
    }
    const status = res.statusCode;
    const bodiless = status === 204 || status === 304 || req.method === "HEAD";
    resolve(new Response(bodiless ? null : Buffer.concat(chunks), { status, headers }));
    const done = [chunk, encoding, callback].find((candidate) => typeof candidate === "function") as (() => void) | undefined;
    done?.();
    return res;
  }) as ServerResponse["end"];
  return { res, finished };
}

/** Runs a Node request handler (the provider's) for a Web request and answers its response. */
export async function runNodeHandler(handler: NodeHandler, request: Request): Promise<Response> {
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const body = hasBody ? Buffer.from(await request.arrayBuffer()) : undefined;
  const req = nodeRequestFrom(request, body);
  const { res, finished } = capturingResponse(req);
  await handler(req, res);
  return finished;
}
