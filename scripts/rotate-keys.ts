// `npm run keys:rotate`: replaces the identity provider's signing keys now (a suspected leak,
// or a rotation on your own schedule). The new keys are published at once and sign after two
// minutes; the old ones stay in the JWKS until every token they signed has expired. Run it
// with the app's settings; running instances pick the new keys up within 30 seconds.
import { disconnectDb } from "@/lib/db";
import { rotateSigningKeys } from "@/lib/services/oidc/signing-keys";

async function main() {
  const { created, retired } = await rotateSigningKeys({ reason: "manual" });
  console.log(`New signing keys: ${created.join(", ")}.`);
  console.log(retired.length ? `Retired (published until their tokens expire): ${retired.join(", ")}.` : "No key was retired.");
  await disconnectDb();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
