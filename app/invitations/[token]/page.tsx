import type { Metadata } from "next";
import Link from "next/link";
import { acceptInvitationAction, signUpWithInvitationAction } from "@/app/invitations/[token]/actions";
import { ActionForm } from "@/components/forms/action-form";
import { InvitationSignUpForm } from "@/components/organizations/invitation-sign-up-form";
import { getSessionActor } from "@/lib/session/auth";
import { findInvitationByToken } from "@/lib/services/invitations/find-invitation-by-token";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, actor] = await Promise.all([findInvitationByToken({ token }), getSessionActor()]);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-zinc-200 bg-white p-8 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        {!invitation ? (
          <>
            <h1 className="text-2xl font-semibold">Invitation not valid</h1>
            <p className="text-sm">This link was used, revoked or replaced by a newer one, or it has expired. Ask for a new invitation.</p>
          </>
        ) : (
          <>
            <h1 className="text-2xl font-semibold">Join {invitation.organizationName}</h1>
            <p className="text-sm">
              You are invited as <strong>{invitation.roleName}</strong>.
            </p>
            {actor && actor.email === invitation.email ? (
              <ActionForm action={acceptInvitationAction} hidden={{ token }} submitLabel="Accept invitation" />
            ) : actor ? (
              <p role="alert" className="text-sm">
                This invitation is for {invitation.email}, but you are signed in as {actor.email}. Sign out and open the link again.
              </p>
            ) : invitation.hasAccount ? (
              <Link
                href={`/sign-in?callbackUrl=${encodeURIComponent(`/invitations/${token}`)}`}
                className="inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white"
              >
                Sign in as {invitation.email} to accept
              </Link>
            ) : (
              <InvitationSignUpForm submit={signUpWithInvitationAction} token={token} email={invitation.email} />
            )}
          </>
        )}
      </div>
    </main>
  );
}
