import { withOidc } from "@/lib/oidc/with-oidc";

// GET /.well-known/oauth-authorization-server – the same metadata, where RFC 8414 looks for it
export const GET = withOidc({ action: "oidc.discovery" });
