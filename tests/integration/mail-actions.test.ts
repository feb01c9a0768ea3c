import { beforeEach, describe, expect, it, vi } from "vitest";
import { retryEmailAction } from "../../app/(app)/admin/email/actions";
import { db } from "../../lib/db/client";
import { formError, signIn, submit } from "./action-harness";
import { buildWorld, type World } from "./world";

vi.mock("../../lib/auth/current-actor", async () => (await import("./action-harness")).currentActorModule());
vi.mock("next/headers", async () => (await import("./action-harness")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// The nudge after a retry: counted, not run (the delivery itself is tested in mail.test.ts).
const enqueued: string[] = [];
vi.mock("../../lib/jobs", () => ({ enqueueJob: async (name: string) => void enqueued.push(name) }));

// The Retry button's server action, for real against the database: input checked by zod, the
// caller's role and the record's state by the data layer.

let world: World;
let failedId: string;
beforeEach(async () => {
  enqueued.length = 0;
  world = await buildWorld();
  const contact = await db().contact.update({ where: { id: world.contact.id }, data: { email: "dana@finance.test" } });
  const campaign = await db().campaign.create({ data: { name: "Winter", status: "OPEN", opensAt: new Date(), closesAt: new Date(Date.now() + 14 * 86_400_000), createdById: world.users.admin.id } });
  const invitation = await db().ratingInvitation.create({ data: { campaignId: campaign.id, accountId: world.accounts.mine.id, contactId: contact.id, tokenSalt: "salt", tokenHash: `hash-${crypto.randomUUID()}` } });
  const email = await db().emailMessage.create({
    data: { kind: "INVITATION", invitationId: invitation.id, toAddress: "dana@finance.test", toName: "Dana", subject: "How is IT doing for Finance? Winter", status: "FAILED", attempts: 5, lastError: "Gave up after 5 attempts: 451 Try again later" },
  });
  failedId = email.id;
});

describe("Retry on /admin/email", () => {
  it("queues a failed email again for an admin, says so, and asks for delivery", async () => {
    signIn(world.actors.admin);
    const state = await submit(retryEmailAction, { emailId: failedId });
    expect(state.status).toBe("success");
    expect(state.notice).toBe("Queued again: “How is IT doing for Finance? Winter” to dana@finance.test. It goes with the next delivery run, within a minute.");
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: failedId } })).toMatchObject({ status: "QUEUED", attempts: 0, lastError: null });
    expect(enqueued).toEqual(["deliver-emails"]);

    // A second click finds nothing to retry.
    expect(formError(await submit(retryEmailAction, { emailId: failedId }))).toEqual(["That email is queued, not failed: there is nothing to retry."]);
  });

  it("rejects a malformed id, an unknown email, other roles and signed-out callers, changing nothing", async () => {
    signIn(world.actors.admin);
    const malformed = await submit(retryEmailAction, { emailId: "'; drop table" });
    expect(malformed.error?.emailId).toEqual(["Unknown record"]);
    expect(formError(await submit(retryEmailAction, { emailId: "c0000000000000000000000000" }))).toEqual(["That email was not found."]);
    for (const actor of [world.actors.cio, world.actors.rm, world.actors.client]) {
      signIn(actor);
      expect(formError(await submit(retryEmailAction, { emailId: failedId }))).toEqual(["You do not have permission to do that."]);
    }
    signIn(null);
    expect(formError(await submit(retryEmailAction, { emailId: failedId }))).toEqual(["Please sign in."]);
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: failedId } })).toMatchObject({ status: "FAILED", attempts: 5 });
    expect(enqueued).toEqual([]);
  });

  it("refuses, with the reason, an email that must not go any more", async () => {
    await db().contact.update({ where: { id: world.contact.id }, data: { unsubscribedAt: new Date() } });
    signIn(world.actors.admin);
    expect(formError(await submit(retryEmailAction, { emailId: failedId }))).toEqual(["Not sent: the contact unsubscribed, so it will not be retried."]);
    expect((await db().emailMessage.findUniqueOrThrow({ where: { id: failedId } })).status).toBe("FAILED");
  });
});
