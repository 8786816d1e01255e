import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { ApplicationKind } from "@/lib/generated/prisma/enums";

type ApplicationOptions = {
  kind?: ApplicationKind;
  organizationId?: string | null;
  firstParty?: boolean;
  requireSecondFactor?: boolean;
  scopes?: string[];
  redirectUris?: string[];
  backchannelLogoutUri?: string | null;
};

/** An application registered directly, with its client secret, bypassing the rules the tests are about. */
export async function createApplication(options: ApplicationOptions = {}) {
  const kind = options.kind ?? "web";
  const clientSecret = kind === "spa" || kind === "native" ? null : `umcs_${randomBytes(32).toString("base64url")}`;
  const application = await db().application.create({
    data: {
      clientId: `umc_${randomBytes(16).toString("base64url")}`,
      name: `Test application ${randomBytes(3).toString("hex")}`,
      kind,
      organizationId: options.organizationId ?? null,
      tokenEndpointAuthMethod: clientSecret ? "client_secret_basic" : "none",
      secretHash: clientSecret ? createHash("sha256").update(clientSecret).digest("hex") : null,
      redirectUris: kind === "machine" ? [] : (options.redirectUris ?? ["https://app.example.test/callback"]),
      postLogoutRedirectUris: kind === "machine" ? [] : ["https://app.example.test/signed-out"],
      backchannelLogoutUri: options.backchannelLogoutUri ?? null,
      scopes:
        options.scopes ??
        (kind === "machine" ? ["read", "write"] : ["openid", "profile", "email", "offline_access", "organizations", "read", "write"]),
      firstParty: options.firstParty ?? false,
      requireSecondFactor: options.requireSecondFactor ?? false,
    },
  });
  return { application, clientSecret };
}
