import { withOidc } from "@/lib/oidc/with-oidc";

// GET /device/:uid – where the device sign-in comes back to after sign-in and consent
export const GET = withOidc({ action: "oidc.device-verification" });
