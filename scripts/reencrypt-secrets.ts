// `npm run secrets:reencrypt`: after setting a new ENCRYPTION_KEY (the old one moved to
// ENCRYPTION_KEYS_PREVIOUS), seals every stored TOTP secret, webhook signing secret and the identity
// provider's private signing keys with the new key. Run it with the app's settings; it is safe to run
// again and while the app is running.
import { disconnectDb } from "@/lib/db";
import { resealSigningKeys } from "@/lib/services/oidc/reseal-signing-keys";
import { resealTotpSecrets } from "@/lib/services/mfa/reseal-totp-secrets";
import { resealWebhookSecrets } from "@/lib/services/webhooks/reseal-webhook-secrets";

async function main() {
  const { resealed, alreadyCurrent } = await resealTotpSecrets();
  console.log(`Sealed ${resealed} TOTP secrets with the current key; ${alreadyCurrent} already used it.`);
  const webhooks = await resealWebhookSecrets();
  console.log(`Sealed ${webhooks.resealed} webhook signing secrets with the current key; ${webhooks.alreadyCurrent} already used it.`);
  const keys = await resealSigningKeys();
  console.log(`Sealed ${keys.resealed} identity provider signing keys with the current key; ${keys.alreadyCurrent} already used it.`);
  await disconnectDb();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
