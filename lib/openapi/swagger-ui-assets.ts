import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

type Asset = { contentType: string; read: () => Promise<Buffer> };

const fromSwaggerUi = (name: string) => () => readFile(path.join(process.cwd(), "node_modules/swagger-ui-dist", name));

/**
 * The reference page starts Swagger UI from this file rather than an inline script, so
 * the page runs under a Content-Security-Policy that allows no inline scripts.
 */
const initScript = `SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#reference", deepLinking: true, withCredentials: true });\n`;

/**
 * The few files the reference page needs, served from the app so the page works without
 * internet access. next.config.js traces swagger-ui-dist's into the standalone build.
 * A Map, not an object literal: a name such as `constructor` must not find a built-in.
 */
const assets = new Map<string, Asset>([
  ["swagger-ui.css", { contentType: "text/css; charset=utf-8", read: fromSwaggerUi("swagger-ui.css") }],
  ["swagger-ui-bundle.js", { contentType: "text/javascript; charset=utf-8", read: fromSwaggerUi("swagger-ui-bundle.js") }],
  ["swagger-ui-init.js", { contentType: "text/javascript; charset=utf-8", read: async () => Buffer.from(initScript) }],
]);

export async function readSwaggerUiAsset(name: string): Promise<{ body: Buffer; contentType: string } | null> {
  const asset = assets.get(name);
  if (!asset) return null;
  return { body: await asset.read(), contentType: asset.contentType };
}
