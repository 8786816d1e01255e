import { withOidc } from "@/lib/oidc/with-oidc";

// GET /.well-known/openid-configuration – the provider's metadata (OpenID Connect Discovery)
export const GET = withOidc({ action: "oidc.discovery" });
