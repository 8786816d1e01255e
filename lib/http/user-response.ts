import { etagOf } from "@/lib/http/etag";
import type { ManagedUser } from "@/lib/schemas/user";

/** A single user answer, carrying its version as the ETag for a later If-Match. */
export function userResponse(user: ManagedUser, init: ResponseInit = {}): Response {
  const response = Response.json(user, init);
  response.headers.set("etag", etagOf(user.version));
  return response;
}
