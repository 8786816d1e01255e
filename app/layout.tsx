import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { confirmIdentityAction, stopViewingAction } from "@/app/actions";
import { StepUpProvider } from "@/components/auth/step-up-dialog";
import { ImpersonationBanner } from "@/components/impersonation/impersonation-banner";
import { Providers } from "@/components/providers";
import { getSessionActor } from "@/lib/auth/auth";
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

// Reading the nonce makes every page render per request, as a nonce must be new each time.
// The session is read here too, so that viewing as a user shows its banner on every page.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get(nonceHeader) ?? undefined;
  const actor = await getSessionActor();
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <Providers nonce={nonce}>
          {actor?.impersonator ? (
            <ImpersonationBanner
              viewedEmail={actor.email}
              viewerEmail={actor.impersonator.email}
              endsAt={actor.impersonator.endsAt}
              stop={stopViewingAction}
            />
          ) : null}
          <StepUpProvider confirm={confirmIdentityAction}>{children}</StepUpProvider>
        </Providers>
      </body>
    </html>
  );
}
