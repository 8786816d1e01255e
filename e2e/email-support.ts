import { randomUUID } from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";
import { signIn } from "./support";

export const uniqueEmail = (label: string) => `${label}-${randomUUID()}@example.test`;

/**
 * A client address of its own for a test. Without a proxy in front, the server takes
 * X-Forwarded-For as the client, so rate limits per IP do not spill between tests.
 */
export const ownClientAddress = () => ({ "x-forwarded-for": `192.0.2.${Math.floor(Math.random() * 250) + 1}-${randomUUID()}` });

// One signed-in superadmin per worker: signing in costs a bcrypt hash, and the outbox is read often.
let outboxReader: Promise<Page> | undefined;

function signedInSuperadmin(browser: Browser): Promise<Page> {
  outboxReader ??= (async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page);
    return page;
  })();
  return outboxReader;
}

/** Reads the newest mail to `to` from the outbox API, as the first superadmin. */
export async function readNewestMail(browser: Browser, to: string): Promise<{ subject: string; text: string }> {
  const page = await signedInSuperadmin(browser);
  let id: string | undefined;
  await expect(async () => {
    const list = await page.request.get(`/api/v1/mail/outbox?to=${encodeURIComponent(to)}`);
    expect(list.status()).toBe(200);
    id = ((await list.json()) as { data: { id: string }[] }).data[0]?.id;
    expect(id).toBeTruthy();
  }).toPass({ timeout: 10_000 });
  const message = await page.request.get(`/api/v1/mail/outbox/${id}`);
  expect(message.status()).toBe(200);
  return (await message.json()) as { subject: string; text: string };
}

/** The link to `path` in the newest mail to `to`, as a path the test's baseURL can open. */
export async function linkFromNewestMail(browser: Browser, to: string, path: string): Promise<string> {
  const { text } = await readNewestMail(browser, to);
  const match = text.match(new RegExp(`https?://[^\\s]+${path}\\?token=[A-Za-z0-9_-]+`));
  if (!match) throw new Error(`No ${path} link in the newest mail to ${to}:\n${text}`);
  const url = new URL(match[0]);
  return `${url.pathname}${url.search}`;
}
