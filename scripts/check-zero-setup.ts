/**
 * Proves README command 1 on a clean data folder: `npm run dev` starts, prints how to
 * sign in, the printed admin can sign in, and the data survives restarts: after Ctrl+C,
 * and after the whole run was killed (SIGKILL), started again at once.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, utimesSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startDevRun } from "./lib/dev-run";
import { freePort } from "./lib/free-port";
import { signInWithPassword } from "./lib/session-client";

function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function whoAmI(baseUrl: string, email: string, password: string): Promise<Response> {
  return (await signInWithPassword(baseUrl, email, password)).request("/api/v1/users/me");
}

// The restarts prove that the data survives (the embedded database, its lock), which does
// not depend on the web server; on the production build `npm test` has just made they skip
// the development server's compiling of every page they visit. The first start is README
// command 1 exactly.
const restartEnv: Record<string, string> = existsSync(".next/BUILD_ID") ? { DEV_SERVER: "production" } : {};

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "usermanager-zero-setup-"));
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const keptEmail = `kept-${randomBytes(4).toString("hex")}@example.com`;
  try {
    const first = await startDevRun(dataDir, port);
    const email = /email:\s+(\S+)/.exec(first.output())?.[1];
    const password = /password:\s+(\S+)/.exec(first.output())?.[1];
    expect(first.output().includes(`running at ${baseUrl}`), `no URL printed:\n${first.output()}`);
    expect(Boolean(email && password), `no sign-in details printed:\n${first.output()}`);
    const me = await whoAmI(baseUrl, email!, password!);
    expect(me.status === 200, `the printed admin could not sign in (HTTP ${me.status})`);
    expect(((await me.json()) as { role: string }).role === "superadmin", "the first user is not a superadmin");
    const wrong = await whoAmI(baseUrl, email!, `${password}x`);
    expect(wrong.status === 401, `a wrong password was accepted (HTTP ${wrong.status})`);
    const admin = await signInWithPassword(baseUrl, email!, password!);
    const created = await admin.request("/api/v1/users", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: keptEmail, password: randomBytes(12).toString("base64url") }),
    });
    expect(created.status === 201, `could not create a user (HTTP ${created.status})`);
    await first.kill();
    console.log(`zero-setup: first start OK, ${email} signed in; the run was killed`);

    // Started again at once, as someone does after a crash. The killed run's lock counts
    // as fresh for 10 s after its last refresh, and starting takes longer than that on a
    // busy machine, so its time is set ahead: the restart meets the state a crash leaves
    // when the next start is quick.
    const lock = path.join(dataDir, "prisma-dev-nodejs", "usermanager", ".lock");
    expect(existsSync(lock), `the killed run left no lock at ${lock}`);
    const aMinuteAhead = new Date(Date.now() + 60_000);
    utimesSync(lock, aMinuteAhead, aMinuteAhead);
    const second = await startDevRun(dataDir, port, restartEnv);
    expect(!second.output().includes("First superadmin created"), "a second start created another admin");
    const again = await signInWithPassword(baseUrl, email!, password!);
    const kept = await again.request(`/api/v1/users?q=${encodeURIComponent(keptEmail)}`);
    const keptUsers = kept.ok ? ((await kept.json()) as { data: { email: string }[] }).data : [];
    expect(
      keptUsers.some((user) => user.email === keptEmail),
      `after the kill the created user is gone (HTTP ${kept.status})`,
    );
    await second.stop();
    console.log("zero-setup: a start right after a kill kept the data");

    const third = await startDevRun(dataDir, port, restartEnv);
    const afterCtrlC = await whoAmI(baseUrl, email!, password!);
    expect(afterCtrlC.status === 200, `after Ctrl+C and a restart the admin could not sign in (HTTP ${afterCtrlC.status})`);
    await third.stop();
    console.log("zero-setup: a start right after Ctrl+C kept the data");
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
