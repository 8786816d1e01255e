import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * The few files of swagger-ui-dist the reference page needs, served from the app so the
 * page works without internet access. next.config.js traces them into the standalone build.
 */
const assets: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

export async function readSwaggerUiAsset(name: string): Promise<{ body: Buffer; contentType: string } | null> {
  const contentType = assets[name];
  if (!contentType) return null;
  const body = await readFile(path.join(process.cwd(), "node_modules/swagger-ui-dist", name));
  return { body, contentType };
}
