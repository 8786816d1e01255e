import "server-only";
import type Provider from "oidc-provider";
import type { KoaContextWithOIDC } from "oidc-provider";

/**
 * oidc-provider 9 re-renders the device-code form after a wrong or missing code with a
 * fresh anti-forgery secret kept in the provider's session; when the browser had no
 * session yet, the library then tries to extend one it never saved, and the request fails
 * with a server error. This middleware saves that new session instead (with its cookie),
 * so the form the person sees next works.
 */
export function saveNewDeviceFormSession(provider: Provider, options: { ttlSeconds: number; cookie: object }) {
  provider.use(async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
    try {
      await next();
    } catch (error) {
      const session = ctx.oidc?.session;
      const unsavedNewSession = error instanceof TypeError && /previously persisted Sessions/.test(error.message) && session;
      if (!unsavedNewSession) throw error;
      ctx.oidc.cookies.set(provider.cookieName("session"), session.jti, options.cookie);
      await session.save(options.ttlSeconds);
    }
  });
}
