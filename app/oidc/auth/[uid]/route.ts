import { withOidc } from "@/lib/oidc/with-oidc";

// GET /oidc/auth/:uid – where an interaction comes back to, to finish the authorization
export const GET = withOidc({ action: "oidc.authorize" });
