// Line-delimited JSON-RPC 2.0 over stdin/stdout, the protocol the Prisma CLI speaks
// with its schema engine process.

import readline from "node:readline";
import { EnginePanic, toRpcError } from "./errors.mjs";
import { log } from "./log.mjs";

/** @param {unknown} message */
const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", .../** @type {object} */ (message) }) + "\n");

/** @type {((err: unknown) => void) | undefined} */
let abortCurrentRequest;
/** Set once the wasm instance is left in an unknown state; later requests are refused. */
let broken = false;

/**
 * Fails the request being served, if any. For exceptions thrown out of async wasm
 * code (Rust panics, invalid params): the engine call they interrupted never
 * settles, and the instance is not safe to use again.
 * @param {unknown} err
 * @returns {boolean} whether a request was waiting
 */
export function abortCurrent(err) {
  if (!abortCurrentRequest) return false;
  broken = true;
  abortCurrentRequest(err);
  return true;
}

/** @type {Map<number, (response: any) => void>} */
const pendingCalls = new Map();
let lastCallId = 0;

/**
 * Calls a method on the CLI side. The native engine prints `migrate diff` output this
 * way (method `print`), so the CLI can redirect it for `--output`.
 * @param {string} method @param {unknown} params
 */
export function callCli(method, params) {
  const id = ++lastCallId;
  return new Promise((resolve, reject) => {
    pendingCalls.set(id, (response) => (response.error ? reject(new Error(JSON.stringify(response.error))) : resolve(response.result)));
    send({ id, method, params });
  });
}

/**
 * Serves requests one at a time, in arrival order, until stdin closes.
 * @param {{ has(method: string): boolean, run(method: string, params: unknown): Promise<unknown> }} engine
 * @param {string} url used to phrase connection errors
 * @returns {Promise<{ broken: boolean }>} once stdin has closed and every request got its answer
 */
export function serve(engine, url) {
  return new Promise((resolve) => {
    let queue = Promise.resolve();
    const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });

    lines.on("line", (line) => {
      if (!line.trim()) return;
      /** @type {any} */
      let message;
      try {
        message = JSON.parse(line);
      } catch {
        send({
          id: null,
          error: {
            code: -32700,
            message: "Parse error",
            data: { message: "The schema engine received a request that is not valid JSON." },
          },
        });
        return;
      }
      // Answers to callCli() arrive while a request is still being handled, so they
      // must not wait in the request queue.
      if (message && message.method === undefined && pendingCalls.has(message.id)) {
        pendingCalls.get(message.id)?.(message);
        pendingCalls.delete(message.id);
        return;
      }
      queue = queue.then(() => handle(message));
    });
    lines.on("close", () => {
      for (const settle of pendingCalls.values()) settle({ error: "stdin closed" });
      queue.then(() => resolve({ broken }));
    });

    /** @param {any} request */
    async function handle(request) {
      const { id, method, params } = request ?? {};
      // Responses from the CLI (to engine-initiated calls) and notifications need no answer.
      if (typeof method !== "string") return;
      if (broken) {
        if (id !== undefined)
          send({ id, error: toRpcError(new EnginePanic("The schema engine failed earlier and cannot serve more requests."), url) });
        return;
      }
      if (!engine.has(method)) {
        if (id !== undefined)
          send({
            id,
            error: {
              code: -32601,
              message: "Method not found",
              data: { message: `The WebAssembly schema engine does not support \`${method}\`.` },
            },
          });
        return;
      }
      const started = Date.now();
      try {
        const aborted = new Promise((_, reject) => (abortCurrentRequest = reject));
        const result = await Promise.race([engine.run(method, params), aborted]);
        if (id !== undefined) send({ id, result: result ?? null });
        log("DEBUG", `${method} finished in ${Date.now() - started} ms`);
      } catch (err) {
        broken ||= err instanceof EnginePanic;
        log("ERROR", `${method} failed: ${/** @type {Error} */ (err)?.message ?? err}`);
        if (id !== undefined) send({ id, error: toRpcError(err, url) });
      } finally {
        abortCurrentRequest = undefined;
      }
    }
  });
}
