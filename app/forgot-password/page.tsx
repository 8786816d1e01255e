import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { forgotPasswordAction } from "@/app/forgot-password/actions";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgot password">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Enter your email address and we will send you a link to choose a new password.
      </p>
      <ForgotPasswordForm submit={forgotPasswordAction} />
      <p className="text-sm">
        <Link href="/sign-in" className="text-link underline">
          Back to sign in
        </Link>
      </p>
    </AuthCard>
  );
}
