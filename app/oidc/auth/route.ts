import { withOidc } from "@/lib/oidc/with-oidc";

// GET|POST /oidc/auth – the authorization endpoint: sends the person through sign-in and consent
const authorize = withOidc({ action: "oidc.authorize" });
export { authorize as GET, authorize as POST };
