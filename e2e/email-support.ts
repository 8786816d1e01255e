import { expect, type Browser, type Page } from "@playwright/test";
import { signIn } from "./support";
import { uniqueEmail } from "../tests/support/unique-email";

export { uniqueEmail };

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

/** The outbox's messages to `to`, newest first, once one has arrived (mail is written after the response). */
export async function outboxFor(browser: Browser, to: string): Promise<{ id: string }[]> {
  const page = await signedInSuperadmin(browser);
  let messages: { id: string }[] = [];
  await expect(async () => {
    const list = await page.request.get(`/api/v1/mail/outbox?to=${encodeURIComponent(to)}`);
    expect(list.status()).toBe(200);
    messages = ((await list.json()) as { data: { id: string }[] }).data;
    expect(messages.length).toBeGreaterThan(0);
  }).toPass({ timeout: 10_000 });
  return messages;
}

/** Reads the newest mail to `to` from the outbox API, as the first superadmin. */
export async function readNewestMail(browser: Browser, to: string): Promise<{ subject: string; text: string }> {
  const page = await signedInSuperadmin(browser);
  const [{ id }] = (await outboxFor(browser, to)) as [{ id: string }];
  const message = await page.request.get(`/api/v1/mail/outbox/${id}`);
  expect(message.status()).toBe(200);
  return (await message.json()) as { subject: string; text: string };
}

/**
 * The link to `path` in the newest mail to `to`, as a path the test's baseURL can open.
 * Mail is written after the response, and an earlier mail (the sign-up's) may be the
 * newest until it is: wait for one that carries the link.
 */
export async function linkFromNewestMail(browser: Browser, to: string, path: string): Promise<string> {
  let link = "";
  await expect(async () => {
    const { text } = await readNewestMail(browser, to);
    const match = text.match(new RegExp(`https?://[^\\s]+${path}\\?token=[A-Za-z0-9_-]+`));
    expect(match, `a ${path} link in the newest mail to ${to}:\n${text}`).not.toBeNull();
    const url = new URL(match![0]);
    link = `${url.pathname}${url.search}`;
  }).toPass({ timeout: 10_000 });
  return link;
}
