import { withOidc } from "@/lib/oidc/with-oidc";

// POST /oidc/token/introspection – a client asks whether one of its tokens is active (RFC 7662)
export const POST = withOidc({ action: "oidc.introspect", perMinute: "clients" });
