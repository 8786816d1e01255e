// `npm run secrets:reencrypt`: after setting a new ENCRYPTION_KEY (the old one moved to
// ENCRYPTION_KEYS_PREVIOUS), seals every stored TOTP secret with the new key. Run it with
// the app's settings; it is safe to run again and while the app is running.
import { disconnectDb } from "@/lib/db";
import { resealTotpSecrets } from "@/lib/services/mfa/reseal-totp-secrets";

async function main() {
  const { resealed, alreadyCurrent } = await resealTotpSecrets();
  console.log(`Sealed ${resealed} TOTP secrets with the current key; ${alreadyCurrent} already used it.`);
  await disconnectDb();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
