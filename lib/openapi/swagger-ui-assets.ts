import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { initScript, themeStylesheet } from "@/lib/openapi/swagger-ui-theme";

type Asset = { contentType: string; read: () => Promise<Buffer> };

const fromSwaggerUi = (name: string) => () => readFile(path.join(process.cwd(), "node_modules/swagger-ui-dist", name));

/**
 * The few files the reference page needs, served from the app so the page works without
 * internet access. next.config.js traces swagger-ui-dist's into the standalone build.
 * A Map, not an object literal: a name such as `constructor` must not find a built-in.
 */
const assets = new Map<string, Asset>([
  ["swagger-ui.css", { contentType: "text/css; charset=utf-8", read: fromSwaggerUi("swagger-ui.css") }],
  ["swagger-ui-theme.css", { contentType: "text/css; charset=utf-8", read: async () => Buffer.from(themeStylesheet) }],
  ["swagger-ui-bundle.js", { contentType: "text/javascript; charset=utf-8", read: fromSwaggerUi("swagger-ui-bundle.js") }],
  ["swagger-ui-init.js", { contentType: "text/javascript; charset=utf-8", read: async () => Buffer.from(initScript) }],
]);

export async function readSwaggerUiAsset(name: string): Promise<{ body: Buffer; contentType: string } | null> {
  const asset = assets.get(name);
  if (!asset) return null;
  return { body: await asset.read(), contentType: asset.contentType };
}
