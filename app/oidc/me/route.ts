import { withOidc } from "@/lib/oidc/with-oidc";

// GET|POST /oidc/me – the UserInfo endpoint
const userinfo = withOidc({ action: "oidc.userinfo" });
export { userinfo as GET, userinfo as POST };
