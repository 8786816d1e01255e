/**
 * The cookies a browser keeps across the requests of a flow (an application's sign-in
 * bounces between the provider and our pages), sent back by path as a browser would.
 */
export class CookieJar {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  constructor(initial?: string) {
    for (const pair of (initial ?? "").split(";").filter(Boolean)) {
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at).trim(), { value: pair.slice(at + 1).trim(), path: "/" });
    }
  }

  /** Keeps what a response sets, and forgets what it expires. */
  take(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      const path =
        attributes
          .map((attribute) => attribute.trim())
          .find((attribute) => /^path=/i.test(attribute))
          ?.slice(5) ?? "/";
      const expired = attributes.some((attribute) => /^\s*expires=Thu, 01 Jan 1970/i.test(attribute) || /^\s*max-age=0/i.test(attribute));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, { value, path });
    }
  }

  /** The Cookie header for a request to this path. */
  headerFor(path: string): string {
    const pathname = new URL(path, "http://localhost").pathname;
    return [...this.cookies]
      .filter(([, cookie]) => pathname === cookie.path || pathname.startsWith(cookie.path.endsWith("/") ? cookie.path : `${cookie.path}/`))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join("; ");
  }
}
