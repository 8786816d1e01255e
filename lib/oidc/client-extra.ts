/** Our registration details on a provider client (client-metadata.ts), read back where the provider hands us the client. */
export type ClientExtra = {
  organizationId: string | null;
  firstParty: boolean;
  requireSecondFactor: boolean;
  previousSecretHash: string | null;
  previousSecretExpiresAt: string | null;
  /** The resource scopes (read, write; scim for an organization's service) the application may be given. */
  apiScopes: string[];
};

/** The provider keeps metadata it does not know under its own names on the client. */
export function clientExtra(client: unknown): ClientExtra {
  const metadata = (client ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof metadata[key] === "string" ? (metadata[key] as string) : null);
  return {
    organizationId: text("urn:usermanager:organization_id"),
    firstParty: metadata["urn:usermanager:first_party"] === true,
    requireSecondFactor: metadata["urn:usermanager:require_second_factor"] === true,
    previousSecretHash: text("urn:usermanager:previous_secret_hash"),
    previousSecretExpiresAt: text("urn:usermanager:previous_secret_expires_at"),
    apiScopes: Array.isArray(metadata["urn:usermanager:api_scopes"]) ? (metadata["urn:usermanager:api_scopes"] as string[]) : [],
  };
}
