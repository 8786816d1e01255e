const requestIdPattern = /^[\w.-]{1,128}$/;

/** Keeps a well-formed id from an upstream proxy so logs join up; otherwise makes one. */
export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get("x-request-id");
  return incoming && requestIdPattern.test(incoming) ? incoming : crypto.randomUUID();
}
