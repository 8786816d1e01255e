import { withOidc } from "@/lib/oidc/with-oidc";

// GET|POST /device – where a person types the code their device shows
const verify = withOidc({ action: "oidc.device-verification", perMinute: 30 });
export { verify as GET, verify as POST };
