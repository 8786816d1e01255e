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

/** A request that sends no body at all: no type, no length, nothing streamed. */
function isBodiless(request: Request): boolean {
  const length = Number(request.headers.get("content-length") ?? 0);
  return !request.headers.get("content-type") && !length && !request.headers.has("transfer-encoding");
}

/**
 * Whether a request's missing body means "nothing sent" rather than a mistake: a DELETE
 * (most carry none, some a confirmation code), or any request whose body is optional (a
 * sign-out everywhere may add what else to remove). Its schema then gets undefined; other
 * requests without a body still get the 415 that says to send JSON.
 */
export function sendsNothing(request: Request, bodyIsOptional: boolean): boolean {
  return isBodiless(request) && (request.method === "DELETE" || bodyIsOptional);
}
