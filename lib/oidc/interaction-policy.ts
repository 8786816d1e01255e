import "server-only";
import { interactionPolicy as policies, type KoaContextWithOIDC } from "oidc-provider";
import { mfaAcr } from "@/lib/oidc/acr";
import { browserSessionActor } from "@/lib/oidc/browser-session";
import { clientExtra } from "@/lib/oidc/client-extra";
import { findOidcAccount } from "@/lib/services/oidc/find-oidc-account";

const { Check, base } = policies;

/** Whether the request, or the application's registration, asks for a second factor. */
export function needsSecondFactor(ctx: KoaContextWithOIDC): boolean {
  const asked = String(ctx.oidc.params?.acr_values ?? "").split(" ");
  return clientExtra(ctx.oidc.client).requireSecondFactor || asked.includes(mfaAcr);
}

/**
 * The provider's standard prompts (login, then consent), with our own reasons to ask the
 * person again added to the login prompt: the provider's session must belong to someone
 * who may still use this application (active, and a member of the organization that owns
 * it), and must have used a second factor when the application or the request asks for one.
 * Above all it is accepted only beside a live session of ours for the same person in the
 * same browser: once that ends (sign-out, sign-out everywhere, a password reset, a
 * disabled or deleted account), `prompt=none` answers login_required.
 * The interaction page reads these reasons and asks for exactly what is missing.
 */
export function interactionPolicy() {
  const policy = base();
  const login = policy.get("login")!;
  login.checks.add(
    new Check("session_ended", "The sign-in this session was made with has ended", "login_required", async (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId) return Check.NO_NEED_TO_PROMPT;
      const ours = await browserSessionActor(ctx.get("cookie") || null);
      return ours?.userId === accountId ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT;
    }),
  );
  login.checks.add(
    new Check("account_unavailable", "The signed-in account may not use this application", async (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId) return Check.NO_NEED_TO_PROMPT;
      const account = await findOidcAccount({ userId: accountId, organizationId: clientExtra(ctx.oidc.client).organizationId });
      return account ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT;
    }),
  );
  login.checks.add(
    new Check("second_factor_required", "The application needs a sign-in with a second factor", (ctx) => {
      if (!ctx.oidc.session?.accountId || !needsSecondFactor(ctx)) return Check.NO_NEED_TO_PROMPT;
      return ctx.oidc.session.acr === mfaAcr ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT;
    }),
  );
  return policy;
}
