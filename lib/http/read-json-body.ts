import "server-only";
import { AppError } from "@/lib/errors";

const maxBodyBytes = 1_000_000;

/** Reads a JSON body, turning every way it can be wrong into a clear 4xx. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the body as application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBodyBytes) throw new AppError("payload_too_large", "The body is larger than 1 MB.");
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBodyBytes) throw new AppError("payload_too_large", "The body is larger than 1 MB.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
}

/**
 * A DELETE that sends nothing: most carry no body, but one may carry a confirmation (the
 * password before removing a last factor), so its schema gets undefined instead of a 415.
 */
export function isBodilessDelete(request: Request): boolean {
  const length = Number(request.headers.get("content-length") ?? 0);
  return request.method === "DELETE" && !request.headers.get("content-type") && !length && !request.headers.has("transfer-encoding");
}
