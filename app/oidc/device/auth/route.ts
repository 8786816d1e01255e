import { withOidc } from "@/lib/oidc/with-oidc";

// POST /oidc/device/auth – a device asks for a code to show its user (RFC 8628)
export const POST = withOidc({ action: "oidc.device-authorization", perMinute: 60 });
