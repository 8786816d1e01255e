import { CopyButton } from "@/components/account/copy-button";

type OneTimeSecretProps = { message: string; value: string; testId: string; copyLabel: string };

/** A secret right after it was made (a token, a signing secret): the only time anyone sees it. */
export function OneTimeSecret({ message, value, testId, copyLabel }: OneTimeSecretProps) {
  return (
    <div
      role="status"
      className="space-y-2 rounded-md border border-green-300 bg-green-50 p-4 text-sm dark:border-green-800 dark:bg-green-950"
    >
      <p className="font-medium">{message}</p>
      <div className="flex items-center gap-2">
        <code data-testid={testId} className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1 dark:bg-zinc-900">
          {value}
        </code>
        <CopyButton value={value} label={copyLabel} />
      </div>
    </div>
  );
}
