import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut } from "./support";
import { variantUrl } from "./variants";

const scriptSources = (policy: string) =>
  policy
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith("script-src ")) ?? "";

/** Every message the browser logs about a Content-Security-Policy, and every uncaught error. */
function watchForViolations(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/content security policy|refused to (execute|load|apply)/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}

test("a page carries a nonce-based policy that its own scripts use, new on every response", async ({ request }) => {
  const [first, second] = [await request.get("/sign-in"), await request.get("/sign-in")];
  const policy = first.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(scriptSources(policy))?.[1];
  expect(nonce).toBeTruthy();
  expect(scriptSources(policy)).not.toContain("'unsafe-inline'");
  expect(second.headers()["content-security-policy"]).not.toBe(policy);
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  expect(first.headers()).toMatchObject({ "x-content-type-options": "nosniff", "x-frame-options": "DENY" });
  // Served over http here: no Strict-Transport-Security, which would make browsers insist on https.
  expect(first.headers()["strict-transport-security"]).toBeUndefined();
});

test("API answers, errors included, are never cached and allow no inline script", async ({ request }) => {
  const answers = [
    await request.get("/api/v1/health"),
    await request.get("/api/v1/users/me"),
    await request.get("/api/v1/no-such-endpoint"),
    await request.post("/api/v1/auth/token", { form: { grant_type: "password", username: "x@example.test", password: "x" } }),
  ];
  expect(answers.map((answer) => answer.status())).toEqual([200, 401, 404, 400]);
  for (const answer of answers) {
    expect(answer.headers()["cache-control"], answer.url()).toBe("no-store");
    expect(scriptSources(answer.headers()["content-security-policy"] ?? ""), answer.url()).toBe("script-src 'self'");
    expect(answer.headers()["x-content-type-options"]).toBe("nosniff");
  }
});

test("the API reference serves its files, and nothing for names of built-in properties", async ({ request }) => {
  for (const name of ["swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-init.js"]) {
    expect((await request.get(`/api/docs/${name}`)).status(), name).toBe(200);
  }
  for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
    expect((await request.get(`/api/docs/${name}`)).status(), name).toBe(404);
  }
});

test("pages run their scripts under the policy: sign-in, menus and the API reference work without a violation", async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchForViolations(page);
  await signIn(page);
  for (const path of ["/admin/users", "/orgs", "/account"]) {
    await page.goto(path);
    await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
  }
  // The account menu is a client component: it opens only if the page's scripts ran.
  await signOut(page);

  await page.goto("/api/docs");
  // The reference renders the whole document in the browser: slow on a busy machine.
  await expect(page.getByRole("heading", { name: /Usermanager API/ })).toBeVisible({ timeout: 30_000 });
  expect(problems).toEqual([]);
});

test("behind https, pages and API answers, errors included, send Strict-Transport-Security", async () => {
  const httpsUrl = variantUrl("https");
  for (const path of ["/sign-in", "/admin", "/api/v1/health", "/api/v1/users/me", "/api/v1/no-such-endpoint"]) {
    const answer = await fetch(`${httpsUrl}${path}`, { redirect: "manual" });
    expect([path, answer.headers.get("strict-transport-security")]).toEqual([path, "max-age=63072000; includeSubDomains"]);
  }
});

test("the app's icons and web manifest are served to anyone, and every page names them", async ({ page, request }) => {
  for (const [path, type] of [
    ["/favicon.ico", /image\/(x-icon|vnd\.microsoft\.icon)/],
    ["/favicon.svg", /image\/svg\+xml/],
    ["/apple-touch-icon.png", /image\/png/],
    ["/icon-512.png", /image\/png/],
    ["/manifest.webmanifest", /application\/manifest\+json/],
  ] as const) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(type);
  }
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest.icons.map((icon: { src: string }) => icon.src)).toContain("/icon-512.png");
  await page.goto("/sign-in");
  await expect(page.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/apple-touch-icon.png");
});
