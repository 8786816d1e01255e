import { withOidc } from "@/lib/oidc/with-oidc";

// GET /oidc/session/end/success – signed out, and no address to go back to
export const GET = withOidc({ action: "oidc.end-session" });
