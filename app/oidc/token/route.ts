import { enforceDevicePollInterval } from "@/lib/oidc/device-polling";
import { withOidc } from "@/lib/oidc/with-oidc";

// POST /oidc/token – codes, refresh tokens, client credentials and device codes for tokens
export const POST = withOidc({ action: "oidc.token", perMinute: "clients", beforeProvider: enforceDevicePollInterval });
