import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { VerifyEmailForm } from "@/components/auth/verify-email-form";
import { verifyEmailAction } from "@/app/verify-email/actions";

export const metadata: Metadata = { title: "Confirm your email address" };

type VerifyEmailPageProps = { searchParams: Promise<{ token?: string }> };

export default async function VerifyEmailPage({ searchParams }: VerifyEmailPageProps) {
  const { token = "" } = await searchParams;
  return (
    <AuthCard title="Confirm your email address">
      <VerifyEmailForm submit={verifyEmailAction} token={token} />
    </AuthCard>
  );
}
