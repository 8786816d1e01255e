import { withOidc } from "@/lib/oidc/with-oidc";

// POST /oidc/session/end/confirm – the person confirms signing out
export const POST = withOidc({ action: "oidc.end-session", browser: true });
