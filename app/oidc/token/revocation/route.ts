import { withOidc } from "@/lib/oidc/with-oidc";

// POST /oidc/token/revocation – a client revokes one of its tokens (RFC 7009)
export const POST = withOidc({ action: "oidc.revoke", perMinute: "clients" });
