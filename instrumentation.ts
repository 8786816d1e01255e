// Runs once when the server starts. The Node.js-only work lives in its own module so
// the Edge bundle never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { onServerStart } = await import("@/lib/server/startup");
    await onServerStart();
  }
}
