import { withOidc } from "@/lib/oidc/with-oidc";

// GET|POST /oidc/session/end – an application signs the person out (RP-initiated logout)
const endSession = withOidc({ action: "oidc.end-session", browser: true });
export { endSession as GET, endSession as POST };
