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

/**
 * Runs a command with its output held back and printed in one piece when it ends, so
 * that commands run side by side keep their logs apart. Fails as `run` does.
 */
export function runHeldBack(title: string, command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    const output: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      process.stdout.write(Buffer.concat([Buffer.from(`\n--- ${title}\n`), ...output]));
      if (code === 0) resolve();
      else reject(new CommandFailed(`${command} ${args.join(" ")}`, code));
    });
  });
}
