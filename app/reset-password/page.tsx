import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { resetPasswordAction } from "@/app/reset-password/actions";

export const metadata: Metadata = { title: "Choose a new password" };

type ResetPasswordPageProps = { searchParams: Promise<{ token?: string }> };

export default async function ResetPasswordPage({ searchParams }: ResetPasswordPageProps) {
  const { token = "" } = await searchParams;
  return (
    <AuthCard title="Choose a new password">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Use at least 8 characters; a few unrelated words make a strong password.</p>
      <ResetPasswordForm submit={resetPasswordAction} token={token} />
    </AuthCard>
  );
}
