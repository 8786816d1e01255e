import { routeParam } from "@/lib/http/route-params";
import { findPendingInteraction, finishInteraction, grantRequested } from "@/lib/oidc/interactions";
import { nextInteractionStep } from "@/lib/oidc/interaction-step";
import { withInteraction } from "@/lib/oidc/with-interaction";
import { AppError } from "@/lib/errors";
import { findSignInFacts } from "@/lib/services/oidc/find-sign-in-facts";
import { recordApplicationSignIn, recordConsent } from "@/lib/services/oidc/record-application-sign-in";

/**
 * A redirect the wrapper can still add its headers to (Response.redirect's are immutable).
 * A path of ours stays relative, so the browser stays on the host it came by: Next.js
 * reports a request to 127.0.0.1 as "localhost", where the browser has no cookies.
 */
const see = (path: string) => new Response(null, { status: 303, headers: { location: path } });

// GET /interaction/:uid – an application's sign-in arrives here: continue with the browser's session, or ask for what is missing
export const GET = withInteraction("oidc.interaction.continue", async ({ actor, params }) => {
  const uid = routeParam(params, "uid");
  const interaction = await findPendingInteraction(uid);
  if (!interaction)
    throw new AppError("not_found", "This sign-in request has expired or was already used. Go back to the application and start again.");
  const facts = await findSignInFacts({ actor, organizationId: interaction.client.organizationId });
  const next = nextInteractionStep({ interaction, actor, ...facts });
  switch (next.step) {
    case "sign-in":
      return see(`/sign-in?callbackUrl=${encodeURIComponent(`/interaction/${uid}`)}`);
    case "login": {
      const returnTo = await finishInteraction(uid, { login: next.login });
      await recordApplicationSignIn({ actor, clientId: interaction.client.clientId, amr: next.login.amr, acr: next.login.acr });
      return see(returnTo);
    }
    case "grant": {
      const grantId = await grantRequested(interaction, actor.userId);
      await recordConsent({ actor, clientId: interaction.client.clientId, grantId, scope: interaction.params.scope });
      return see(await finishInteraction(uid, { consent: { grantId } }));
    }
    case "confirm":
      return see(`/interaction/${uid}/confirm?check=${next.check}&why=${next.why}`);
    default:
      return see(`/interaction/${uid}/${next.step}`);
  }
});
