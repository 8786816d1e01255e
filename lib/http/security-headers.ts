import "server-only";
import { config } from "@/lib/config";

/**
 * Two years, subdomains included: the value browsers' preload lists expect. Sent only
 * when APP_URL is https, since over plain http browsers ignore it and a local install
 * must stay reachable.
 */
const transportSecurity = "max-age=63072000; includeSubDomains";

/** Adds Strict-Transport-Security when the app is served over https. */
export function setTransportSecurity(headers: Headers): void {
  if (config().APP_URL.startsWith("https://")) headers.set("strict-transport-security", transportSecurity);
}

/** The request header that carries the page's nonce from proxy.ts to the root layout. */
export const nonceHeader = "x-nonce";

/** A fresh, unguessable nonce for one page response. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * The policy of every page. Scripts run only when they carry this response's nonce
 * (Next.js adds it to its own scripts when it finds it in the request's policy), and
 * 'strict-dynamic' lets those scripts load the app's chunks. Styles keep 'unsafe-inline':
 * React `style` attributes (menus and dialogs are positioned with them, toasts animate
 * with them) cannot carry a nonce, and styles cannot run code. Development adds
 * 'unsafe-eval', which React's development build needs to rebuild stack traces.
 */
export function pageContentSecurityPolicy(nonce: string): string {
  const development = config().NODE_ENV === "development" ? " 'unsafe-eval'" : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * The policy of the pages the identity provider renders itself (the device code form, the
 * sign-out confirmation, its error pages): no script at all, their own inline styles,
 * never framed. It has no form-action: the sign-out form's answer sends the browser on to
 * the application's registered address, on another origin, and browsers apply
 * form-action to that redirect, so `form-action 'self'` kept people on the provider's page.
 */
export const providerPagePolicy = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join("; ");

/**
 * Keeps a response out of other sites' frames (clickjacking): for the pages a route
 * handler renders itself, which have no page policy from proxy.ts when served in process.
 * The policy names only frame-ancestors, so it takes nothing away from a page's own.
 */
export function denyFraming(headers: Headers): void {
  headers.set("x-frame-options", "DENY");
  if (!headers.has("content-security-policy")) headers.set("content-security-policy", "frame-ancestors 'none'");
}
