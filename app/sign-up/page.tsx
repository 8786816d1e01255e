import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { config } from "@/lib/config";
import { signUpAction } from "@/app/sign-up/actions";

// Whether sign-up is on is read from the environment at request time, not at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <AuthCard title="Create an account">
      {config().SIGN_UP_ENABLED ? (
        <SignUpForm submit={signUpAction} />
      ) : (
        <p role="status" className="text-sm">
          Sign-up is turned off here. Ask an administrator for an account.
        </p>
      )}
      <p className="text-sm">
        Already have an account?{" "}
        <Link href="/sign-in" className="text-link underline">
          Sign in
        </Link>
      </p>
    </AuthCard>
  );
}
