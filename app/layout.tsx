import type { Metadata } from "next";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { ReactNode } from "react";
import { confirmIdentityAction, startPasskeyConfirmationAction, stopViewingAction } from "@/app/actions";
import { StepUpProvider } from "@/components/auth/step-up-dialog";
import { ImpersonationBanner } from "@/components/impersonation/impersonation-banner";
import { Providers } from "@/components/providers";
import { getSessionActor } from "@/lib/session/auth";
import { nonceHeader } from "@/lib/http/security-headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Usermanager", template: "%s · Usermanager" },
  description: "Users, organizations, roles and audit in one place.",
  // The SVG for browsers that take it, the .ico for those that ask for /favicon.ico
  // anyway, and a bitmap for home screens (public/).
  icons: {
    icon: [
      { url: "/favicon.svg", type: "image/svg+xml" },
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
    ],
    apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
  },
};

/**
 * The "view as" banner, on every page. The root layout is outside app/error.tsx's
 * boundary, so a failed session lookup (the database is down) must not throw here: the
 * page below reads the session too, fails, and shows the app's own error page.
 */
async function ViewingAsBanner() {
  let actor;
  try {
    actor = await getSessionActor();
  } catch (error) {
    unstable_rethrow(error);
    return null;
  }
  if (!actor?.impersonator) return null;
  return (
    <ImpersonationBanner
      viewedEmail={actor.email}
      viewerEmail={actor.impersonator.email}
      endsAt={actor.impersonator.endsAt}
      stop={stopViewingAction}
    />
  );
}

// Reading the nonce makes every page render per request, as a nonce must be new each time.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get(nonceHeader) ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <Providers nonce={nonce}>
          <ViewingAsBanner />
          <StepUpProvider confirm={confirmIdentityAction} startPasskey={startPasskeyConfirmationAction}>
            {children}
          </StepUpProvider>
        </Providers>
      </body>
    </html>
  );
}
