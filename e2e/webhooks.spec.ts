import { expect, test } from "@playwright/test";
import { startWebhookReceiver } from "../tests/support/webhook-receiver";
import { createUserViaApi, signedInAs } from "./users-support";

// The server runs with WEBHOOK_ALLOW_PRIVATE_TARGETS=true (scripts/e2e.ts), so it may post to this receiver on 127.0.0.1.
test("an endpoint registered over the API gets a signed user.created, and the delivery page resends it", async ({ browser }) => {
  const receiver = await startWebhookReceiver();
  const superadmin = await signedInAs(browser);
  let endpointId = "";
  try {
    const registered = await superadmin.request.post("/api/v1/webhooks", {
      data: { url: receiver.url, eventTypes: ["user.created"], description: "e2e receiver" },
    });
    expect(registered.status(), await registered.text()).toBe(201);
    const endpoint = (await registered.json()) as { id: string; secret: string };
    expect(endpoint.secret).toMatch(/^whsec_/);
    receiver.state.secret = endpoint.secret;
    endpointId = endpoint.id;

    const user = await createUserViaApi(superadmin.request);
    // Other specs create users at the same time: wait for this one's event.
    const ours = () => receiver.state.received.filter((delivery) => JSON.stringify(delivery.payload.data).includes(user.email));
    await expect.poll(() => ours().length, { timeout: 15_000 }).toBe(1);
    expect(receiver.state.refused).toBe(0);
    expect(ours()[0]!.payload).toMatchObject({ type: "user.created", data: { subject: { type: "user", id: user.id } } });

    const page = superadmin.page;
    await page.goto(`/admin/webhooks/${endpoint.id}`);
    const delivery = page.getByTestId("webhook-delivery").filter({ hasText: "succeeded" }).first();
    await expect(delivery).toBeVisible();
    await delivery.getByRole("button", { name: "Resend the user.created delivery" }).click();
    // A resend keeps the webhook-id, so a receiver can tell it already has the event.
    const repeated = () => {
      const ids = receiver.state.received.map((received) => received.id);
      return new Set(ids).size < ids.length;
    };
    await expect.poll(repeated, { timeout: 15_000 }).toBe(true);
  } finally {
    // Other specs go on creating users: their events must not queue for a receiver that is gone.
    if (endpointId) expect((await superadmin.request.delete(`/api/v1/webhooks/${endpointId}`)).status()).toBe(204);
    await receiver.close();
  }
});

test("a delivery the receiver refuses shows why on the endpoint's page, and its payload reads as indented JSON", async ({ browser }) => {
  const receiver = await startWebhookReceiver({ answers: Array.from({ length: 10 }, () => 503) });
  const superadmin = await signedInAs(browser);
  let endpointId = "";
  try {
    const registered = await superadmin.request.post("/api/v1/webhooks", {
      data: { url: receiver.url, eventTypes: ["user.created"], description: "refusing receiver" },
    });
    expect(registered.status(), await registered.text()).toBe(201);
    const endpoint = (await registered.json()) as { id: string; secret: string };
    receiver.state.secret = endpoint.secret;
    endpointId = endpoint.id;
    const user = await createUserViaApi(superadmin.request);

    const page = superadmin.page;
    // Other specs create users meanwhile: this user's delivery is the one with its address in the payload.
    const delivery = page.getByTestId("webhook-delivery").filter({ hasText: user.email });
    await expect(async () => {
      await page.goto(`/admin/webhooks/${endpoint.id}`);
      await expect(delivery).toContainText("Last attempt: HTTP 503: try again later", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await delivery.getByText(/^Payload and/).click();
    await expect(delivery.locator("pre")).toContainText(`"email": "${user.email}"`);
  } finally {
    if (endpointId) expect((await superadmin.request.delete(`/api/v1/webhooks/${endpointId}`)).status()).toBe(204);
    await receiver.close();
  }
});
