"use server";

import { serverAction } from "@/lib/actions/server-action";
import { signOut } from "@/lib/auth/auth";

/** Signing out works even when the session already ended elsewhere: it clears the cookie either way. */
export const signOutAction = serverAction({ authenticated: false }, async () => {
  await signOut({ redirectTo: "/sign-in" });
});
