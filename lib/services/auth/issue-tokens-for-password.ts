import "server-only";
import type { ApiScope } from "@/lib/auth/scopes";
import { db } from "@/lib/db";
import { openApiSession } from "@/lib/services/auth/open-api-session";
import type { TokenGrant } from "@/lib/services/auth/token-grant";
import { verifyCredentials } from "@/lib/services/auth/verify-credentials";

type PasswordGrantOptions = { email: string; password: string; scopes: ApiScope[]; clientId: string };

/**
 * The OAuth password grant (RFC 6749 §4.3): the same credential check, rate limits and
 * lockout as the browser, then an API session whose id every access token names.
 */
export async function issueTokensForPassword({ email, password, scopes, clientId }: PasswordGrantOptions): Promise<TokenGrant> {
  const user = await verifyCredentials({ email, password });
  return db().$transaction((tx) => openApiSession(tx, { user, scopes, clientId, grantType: "password" }));
}
