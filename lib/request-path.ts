/**
 * Set by proxy.ts on every page request, overwriting anything a client sent: the path
 * and query the visitor asked for, which a page cannot otherwise learn from a layout.
 */
export const requestPathHeader = "x-request-path";

/** Set by proxy.ts on every page request, overwriting anything a client sent: the method, for the audit of a "view as" session. */
export const requestMethodHeader = "x-request-method";
