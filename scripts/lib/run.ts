import { spawn, type SpawnOptions } from "node:child_process";

export class CommandFailed extends Error {
  constructor(
    readonly command: string,
    readonly exitCode: number | null,
  ) {
    super(`${command} exited with ${exitCode ?? "a signal"}`);
  }
}

/** Runs a command to completion, streaming its output, and fails loudly on a non-zero exit. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve();
      else reject(new CommandFailed(`${command} ${args.join(" ")}`, code));
    });
  });
}
