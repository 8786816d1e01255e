/**
 * Proves README command 1 on a clean data folder: `npm run dev` starts, prints how to
 * sign in, the printed admin can sign in, and a second start keeps the data.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./lib/free-port";

type Started = { output: string; stop(): Promise<void> };

async function startDev(dataDir: string, port: number): Promise<Started> {
  const child = spawn("npm", ["run", "dev"], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: "", ADMIN_PASSWORD: "", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      process.kill(-child.pid!, "SIGINT");
    });
  const deadline = Date.now() + 180_000;
  while (!output.includes("Data is kept in")) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`npm run dev did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { output, stop };
}

/** Signs in through Auth.js's credentials endpoint, as the sign-in form does, and asks who we are. */
async function signInAndAskWhoAmI(baseUrl: string, email: string, password: string): Promise<Response> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  let cookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
  const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies },
    body: new URLSearchParams({ email, password, csrfToken }),
  });
  cookies = [cookies, ...signIn.headers.getSetCookie().map((cookie) => cookie.split(";")[0])].join("; ");
  return fetch(`${baseUrl}/api/v1/users/me`, { headers: { cookie: cookies } });
}

function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "usermanager-zero-setup-"));
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  try {
    const first = await startDev(dataDir, port);
    const email = /email:\s+(\S+)/.exec(first.output)?.[1];
    const password = /password:\s+(\S+)/.exec(first.output)?.[1];
    expect(first.output.includes(`running at ${baseUrl}`), `no URL printed:\n${first.output}`);
    expect(Boolean(email && password), `no sign-in details printed:\n${first.output}`);
    const me = await signInAndAskWhoAmI(baseUrl, email!, password!);
    expect(me.status === 200, `the printed admin could not sign in (HTTP ${me.status})`);
    expect(((await me.json()) as { role: string }).role === "superadmin", "the first user is not a superadmin");
    const wrong = await signInAndAskWhoAmI(baseUrl, email!, `${password}x`);
    expect(wrong.status === 401, `a wrong password was accepted (HTTP ${wrong.status})`);
    await first.stop();
    console.log(`zero-setup: first start OK, ${email} signed in`);

    const second = await startDev(dataDir, port);
    expect(!second.output.includes("First superadmin created"), "a second start created another admin");
    const again = await signInAndAskWhoAmI(baseUrl, email!, password!);
    expect(again.status === 200, `after a restart the admin could not sign in (HTTP ${again.status})`);
    await second.stop();
    console.log("zero-setup: second start kept the data");
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
