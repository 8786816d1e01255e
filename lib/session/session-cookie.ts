/** The Auth.js session cookie under any of its names: plain, prefixed, or split into chunks. */
const sessionCookieName = /^(__Secure-|__Host-)?authjs\.session-token(\.\d+)?$/;

/** Whether a Cookie header carries a session cookie at all; says nothing of its validity. */
export function hasSessionCookie(cookieHeader: string | null): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((pair) => sessionCookieName.test(pair.split("=")[0]!.trim()));
}
