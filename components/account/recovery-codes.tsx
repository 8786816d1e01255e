import { CopyButton } from "@/components/account/copy-button";

/** New recovery codes, shown once: to copy, to download as a text file, or to write down. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const text = `Usermanager recovery codes. Each works once.\n\n${codes.join("\n")}\n`;
  return (
    <div
      role="status"
      className="space-y-3 rounded-md border border-green-300 bg-green-50 p-4 text-sm dark:border-green-800 dark:bg-green-950"
    >
      <p className="font-medium">
        Save these recovery codes now: they will not be shown again. Each one signs you in once if you lose your authenticator app.
      </p>
      <ol className="grid grid-cols-2 gap-1 font-mono">
        {codes.map((code) => (
          <li key={code} data-testid="recovery-code">
            {code}
          </li>
        ))}
      </ol>
      <div className="flex items-center gap-2">
        <CopyButton value={codes.join("\n")} label="Copy codes" />
        <a
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
          download="usermanager-recovery-codes.txt"
          className="text-link underline"
        >
          Download as text
        </a>
      </div>
    </div>
  );
}
