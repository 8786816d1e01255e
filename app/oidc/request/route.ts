import { withOidc } from "@/lib/oidc/with-oidc";

// POST /oidc/request – pushed authorization requests (RFC 9126)
export const POST = withOidc({ action: "oidc.par", perMinute: "clients" });
