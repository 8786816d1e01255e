import { withOidc } from "@/lib/oidc/with-oidc";

// GET /oidc/jwks – the public keys tokens are signed with, retired ones included until their tokens expire
export const GET = withOidc({ action: "oidc.jwks" });
