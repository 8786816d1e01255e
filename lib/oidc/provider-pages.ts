import "server-only";
import type { KoaContextWithOIDC } from "oidc-provider";
import { escapeHtml } from "@/lib/escape-html";
import { providerPage } from "@/lib/oidc/html-pages";

type ProviderContext = KoaContextWithOIDC;

const render = (ctx: ProviderContext, title: string, body: string) => {
  ctx.type = "html";
  ctx.body = providerPage({ title, body });
};

const clientName = (ctx: ProviderContext) => escapeHtml(ctx.oidc.client?.clientName ?? ctx.oidc.client?.clientId ?? "an application");

/** The device flow's pages (RFC 8628): the code a person types at /device, its confirmation, and the end. */
export const deviceFlowPages = {
  async userCodeInputSource(ctx: ProviderContext, form: string, _out: unknown, error?: Error & { userCode?: string }) {
    const message = !error
      ? "Enter the code your device shows."
      : error.userCode || error.name === "NoCodeError"
        ? "That code is not valid, or has expired. Check it and try again."
        : error.name === "AbortedError"
          ? "The sign-in was cancelled."
          : "The code could not be checked. Try again.";
    render(
      ctx,
      "Connect a device",
      `<h1>Connect a device</h1>
       <p${error ? ' class="error" role="alert"' : ""}>${escapeHtml(message)}</p>
       ${form.replace('name="user_code"', 'aria-label="Code from your device" name="user_code"')}
       <button type="submit" form="op.deviceInputForm">Continue</button>`,
    );
  },
  async userCodeConfirmSource(
    ctx: ProviderContext,
    form: string,
    _client: unknown,
    deviceInfo: { ua?: string; ip?: string },
    userCode: string,
  ) {
    render(
      ctx,
      "Confirm the device",
      `<h1>Confirm the device</h1>
       <p><strong>${clientName(ctx)}</strong> asks to sign in on a device showing this code:</p>
       <p><code>${escapeHtml(userCode)}</code></p>
       <p>Requested from ${escapeHtml(deviceInfo?.ip ?? "an unknown address")}. If you did not start this, or the code differs, stop here.</p>
       ${form}
       <button type="submit" form="op.deviceConfirmForm">Continue</button>
       <button type="submit" class="secondary" form="op.deviceConfirmForm" value="yes" name="abort">Stop</button>`,
    );
  },
  async successSource(ctx: ProviderContext) {
    render(
      ctx,
      "Device connected",
      `<h1>Device connected</h1><p>${clientName(ctx)} is signed in on your device. You can close this page.</p>`,
    );
  },
};

/** RP-initiated sign-out (OpenID Connect RP-Initiated Logout 1.0): the confirmation, and the page when no return address was given. */
export const logoutPages = {
  async logoutSource(ctx: ProviderContext, form: string) {
    render(
      ctx,
      "Sign out",
      `<h1>Sign out?</h1>
       <p>${clientName(ctx)} asks to sign you out of the applications you reached through Usermanager.</p>
       ${form}
       <button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Sign out</button>
       <button type="submit" class="secondary" form="op.logoutForm">Stay signed in</button>`,
    );
  },
  async postLogoutSuccessSource(ctx: ProviderContext) {
    render(ctx, "Signed out", `<h1>Signed out</h1><p>You are signed out of ${clientName(ctx)}.</p>`);
  },
};

/**
 * An error the provider shows the person instead of sending it to the application (an
 * unknown client, a redirect URI that is not registered): what went wrong in plain words,
 * never internals, and a way back.
 */
export async function renderProviderError(ctx: ProviderContext, out: { error?: string; error_description?: string }) {
  render(
    ctx,
    "Sign-in problem",
    `<h1>The application's request could not be handled</h1>
     <p class="error" role="alert">${escapeHtml(out.error_description ?? out.error ?? "Unknown error")}</p>
     <p><a href="/">Back to Usermanager</a></p>`,
  );
}
