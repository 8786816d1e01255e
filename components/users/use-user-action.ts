"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/app/admin/users/actions";

/** Runs a server action, toasts its result and refreshes the page's data. */
export function useUserAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<ActionResult>, onDone?: () => void) =>
    startTransition(async () => {
      try {
        const result = await action();
        if (result.ok) toast.success(result.message);
        else toast.error(result.message);
      } catch {
        toast.error("Something went wrong; try again.");
      }
      onDone?.();
      router.refresh();
    });
  return { run, pending };
}
