"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import type { FormState } from "@/lib/actions/form-state";

/** Runs a server action, toasts its result and refreshes the page's data. */
export function useUserAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<FormState>, onDone?: () => void) =>
    startTransition(async () => {
      try {
        const result = await action();
        const problem = result.error ?? result.fieldErrors?.[0]?.message;
        if (problem) toast.error(problem);
        else if (result.success) toast.success(result.success);
      } catch {
        toast.error("Something went wrong; try again.");
      }
      onDone?.();
      router.refresh();
    });
  return { run, pending };
}
