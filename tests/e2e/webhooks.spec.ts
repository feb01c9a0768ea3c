import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { expectAccessible } from "./axe";
import { expect, test } from "./fixtures";

// Issue 11 §2: an administrator subscribes a receiver this test runs on 127.0.0.1 (the demo
// server allows loopback receivers: WEBHOOKS_ALLOW_PRIVATE_URLS in server.ts) to "Rating
// received"; a client rates IT in the browser; the delivery job (every minute, decision 030)
// sends the event, signed so that the `standardwebhooks` library's own verifier accepts it with
// the secret the page showed once; the admin then sees the delivery and the receiver's answer.

interface Received {
  headers: Record<string, string>;
  body: string;
}

/** A receiver that keeps every POST and answers 200 naming the webhook-id it got. */
async function startReceiver() {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers = plainHeaders(req.headers);
      received.push({ headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "text/plain" }).end(`received ${headers["webhook-id"] ?? "?"}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/rapport`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const plainHeaders = (headers: IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(headers).flatMap(([name, value]) => (typeof value === "string" ? [[name, value]] : Array.isArray(value) ? [[name, value.join(", ")]] : [])));

interface RatingEvent {
  type: string;
  timestamp: string;
  data: { ratingId: string; accountName: string; overall: number; recommend: number; source: string; createdAt: string };
}

test("an admin subscribes a receiver to ratings, a client rates, the signed delivery arrives and shows as delivered", async ({ signedInAs }) => {
  // The delivery job runs once a minute (on PostgreSQL, pg-boss checks its schedules every 30 s):
  // up to about 95 s from the rating to the POST on a quiet machine, more under load.
  test.setTimeout(240_000);
  const receiver = await startReceiver();
  try {
    const admin = await signedInAs("admin");
    await admin.goto("/admin/webhooks");
    await expect(admin.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
    await expect(admin.getByText("This server may send to private and loopback addresses")).toBeVisible();

    // Bad input says what is wrong and subscribes nothing.
    await admin.getByLabel("Receiver URL").fill(receiver.url);
    await admin.getByRole("button", { name: "Subscribe" }).click();
    await expect(admin.getByText("Choose at least one event type")).toBeVisible();
    await expect(admin.getByTestId("webhook-subscription").filter({ hasText: receiver.url })).toHaveCount(0);

    await admin.getByLabel("Description (optional)").fill("E2E receiver: ratings");
    await admin.getByRole("checkbox", { name: /^Rating received/ }).check();
    // Ticking the box clears the error at once (it used to stay until the box lost focus, then
    // vanish under the click on Subscribe, which moved the button and lost the click).
    await expect(admin.getByText("Choose at least one event type")).toHaveCount(0);
    await admin.getByRole("button", { name: "Subscribe" }).click();
    await expect(admin.getByTestId("webhook-secret")).toBeVisible();
    const secret = (await admin.getByTestId("webhook-secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const subscription = admin.getByTestId("webhook-subscription").filter({ hasText: receiver.url });
    await expect(subscription).toContainText("Rating received");
    await expect(subscription).toContainText("0 delivered, 0 waiting, 0 failed");
    await expectAccessible(admin, "the webhooks page with a new subscription and its secret");

    // A client rates IT the way they do every day (4 and 9: no other spec rates so, through
    // the API, a link or a campaign, so the filter below finds this rating's event).
    const ratedFrom = Date.now() - 1000;
    const client = await signedInAs("client");
    await client.goto("/");
    await client.getByRole("link", { name: "Rate IT's service" }).click();
    await client.getByRole("group", { name: /Overall, how satisfied/ }).getByText("4", { exact: true }).click();
    await client.getByRole("group", { name: /How likely are you to recommend/ }).getByText("9", { exact: true }).click();
    await client.getByRole("button", { name: "Send rating" }).click();
    await expect(client.getByText("Thank you: your rating is saved.")).toBeVisible();

    // Other specs rate too (their deliveries come here as well): this one is Finance's 4 and 9 in the app, made now.
    const ours = (message: Received) => {
      const event = JSON.parse(message.body) as RatingEvent;
      return (
        event.type === "rating.received" &&
        event.data.accountName === "Finance" &&
        event.data.overall === 4 &&
        event.data.recommend === 9 &&
        event.data.source === "APP" &&
        Date.parse(event.data.createdAt) >= ratedFrom
      );
    };
    await expect.poll(() => receiver.received.filter(ours).length, { timeout: 180_000, intervals: [1000] }).toBeGreaterThan(0);
    const delivery = receiver.received.find(ours) as Received;

    // The library's own verifier accepts it with the secret the page showed, and refuses a changed
    // body or another secret.
    expect(delivery.headers["content-type"]).toBe("application/json");
    const verified = new Webhook(secret).verify(delivery.body, delivery.headers) as RatingEvent;
    expect(verified).toMatchObject({ type: "rating.received", data: { accountName: "Finance", overall: 4, recommend: 9, source: "APP" } });
    const tampered = delivery.body.replace('"overall":4', '"overall":5');
    expect(tampered).not.toBe(delivery.body);
    expect(() => new Webhook(secret).verify(tampered, delivery.headers)).toThrow();
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`).verify(delivery.body, delivery.headers)).toThrow();
    const webhookId = delivery.headers["webhook-id"] as string;

    // The admin sees it delivered, with the receiver's status and answer.
    const row = admin.getByTestId("webhook-delivery").filter({ hasText: `received ${webhookId}` });
    await expect(async () => {
      await admin.reload();
      await expect(row).toContainText("Delivered", { timeout: 2000 });
    }).toPass({ timeout: 30_000 });
    await expect(row).toContainText("Rating received · Finance");
    await expect(row).toContainText("Response 200");
    await expect(row).toContainText("1 attempt");
    await expect(row.getByRole("button", { name: `Replay Rating received to ${receiver.url}` })).toBeVisible();
    await expect(subscription).toContainText(/· [1-9]\d* delivered/);
    // Reloaded, the secret is not shown again, nor anywhere in the page.
    await expect(admin.getByTestId("webhook-secret")).toHaveCount(0);
    expect(await admin.content()).not.toContain(secret.slice("whsec_".length));
    await expectAccessible(admin, "the webhooks page with a delivery");

    // Deleted, the subscription and its deliveries go.
    await subscription.getByRole("button", { name: `Delete the webhook to ${receiver.url}` }).click();
    await admin.getByRole("alertdialog").getByRole("button", { name: "Delete the webhook" }).click();
    await expect(admin.getByText(`Deleted the webhook to ${receiver.url} and its deliveries.`)).toBeVisible();
    await expect(admin.getByTestId("webhook-subscription").filter({ hasText: receiver.url })).toHaveCount(0);
    await expect(admin.getByTestId("webhook-delivery").filter({ hasText: receiver.url })).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});
