import { e2eInstallationSettings } from "@/scripts/lib/e2e-installation";
import { freePort } from "@/scripts/lib/free-port";
import { startStandaloneServer, type RunningServer } from "@/scripts/lib/standalone-server";
import { startOidcProvider } from "./oidc-provider";
import { envName, variants, type Variant } from "./variants";

/** What each variant server (e2e/variants.ts) sets beside the settings they all share. */
const settings = {
  // Believes it is served over https (APP_URL), for what changes behind TLS: cookie
  // prefixes, Strict-Transport-Security. Still reached over http, as a reverse proxy would.
  https: async () => ({ APP_URL: "https://users.example.test", LOG_LEVEL: "fatal" }),
  // Takes the last X-Forwarded-For address as the client's.
  trustedProxy: async () => ({ TRUSTED_PROXY_HOPS: "1" }),
  // WebAuthn refuses an IP address as the relying party id, and the main server's APP_URL
  // is http://127.0.0.1:…; http://localhost:… is a secure context, so passkeys bind to "localhost".
  localhost: async (url: string) => ({ APP_URL: url }),
  emailVerificationRequired: async (url: string) => ({ APP_URL: url, SIGN_UP_ENABLED: "true", EMAIL_VERIFICATION: "required" }),
  // Signs in through a real OpenID Connect provider started with it. Next.js reports
  // requests to 127.0.0.1 as localhost, and the provider compares redirect URIs exactly,
  // so the app is reached under the name it uses for itself.
  sso: async (url: string, onStop: (stop: () => Promise<void>) => void) => {
    const provider = await startOidcProvider({ port: await freePort(), redirectUri: `${url}/api/auth/callback/oidc` });
    onStop(() => provider.close());
    return {
      APP_URL: url,
      SIGN_UP_ENABLED: "true",
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_NAME: "Example ID",
    };
  },
} satisfies Record<Variant, (url: string, onStop: (stop: () => Promise<void>) => void) => Promise<Record<string, string>>>;

// Passkeys and the provider's redirects need the app reached under the name in its APP_URL.
const reachedByName: Variant[] = ["localhost", "sso"];

/** Starts every variant server; the workers find them through the environment (variantUrl). Returns what stops them. */
async function startVariants(): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  const start = async (variant: Variant) => {
    const port = await freePort();
    const env: Record<string, string> = await settings[variant](`http://localhost:${port}`, (stop) => stops.push(stop));
    const server: RunningServer = await startStandaloneServer(
      {
        DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
        DATABASE_POOL_SIZE: "2",
        // One installation's secret: a variant's dispatcher sends webhooks the main server sealed.
        AUTH_SECRET: process.env.E2E_AUTH_SECRET ?? "",
        ...e2eInstallationSettings,
        ...env,
      },
      port,
    );
    stops.unshift(() => server.stop());
    process.env[envName(variant)] = reachedByName.includes(variant) ? `http://localhost:${port}` : server.url;
  };
  const stopAll = async () => {
    for (const stop of stops) await stop();
  };
  try {
    await Promise.all(variants.map(start));
  } catch (error) {
    await stopAll();
    throw error;
  }
  return stopAll;
}

/** Starts the variant servers once for the whole run; what it returns stops them at the end. */
export default async function globalSetup() {
  return startVariants();
}
