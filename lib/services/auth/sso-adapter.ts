import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterAccount } from "next-auth/adapters";
import { db } from "@/lib/db";

const accountColumns = ["refresh_token", "access_token", "expires_at", "token_type", "scope", "id_token", "session_state"] as const;

/**
 * Auth.js's Prisma adapter over our client, used only to find, create and link users for
 * single sign-on (sessions stay our own rows). Addresses are looked up lower-cased, and
 * only the token columns `accounts` has are written, whatever else a provider returns.
 */
export function ssoAdapter(): Adapter {
  const base = PrismaAdapter(db() as unknown as Parameters<typeof PrismaAdapter>[0]);
  return {
    ...base,
    getUserByEmail: (email) => base.getUserByEmail!(email.toLowerCase()),
    createUser: (user) => base.createUser!({ ...user, email: user.email.toLowerCase() }),
    linkAccount: (account) => {
      const kept: AdapterAccount = {
        userId: account.userId,
        type: account.type,
        provider: account.provider,
        providerAccountId: account.providerAccountId,
      };
      for (const column of accountColumns) if (account[column] !== undefined) Object.assign(kept, { [column]: account[column] });
      return base.linkAccount!(kept);
    },
  };
}
