import { beforeEach, describe, expect, it } from "vitest";
import { InputConflictError } from "../../lib/data/errors";
import { submitRating } from "../../lib/data/ratings";
import { db } from "../../lib/db/client";
import { buildWorld, ratingInput, type World } from "./world";

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

describe("submitting a rating", () => {
  it("stores it with its dimensions, audits it and re-diagnoses the account", async () => {
    const input = ratingInput(world.accounts.mine.id, { responsiveness: 2, trust: 4 });
    const receipt = await submitRating(world.actors.client, input);
    expect(receipt.duplicate).toBe(false);
    const stored = await db().rating.findUniqueOrThrow({ where: { id: receipt.id } });
    expect(stored).toMatchObject({ overall: 2, recommend: 3, responsiveness: 2, trust: 4, delivery: null, userId: world.users.client.id });
    expect(await db().healthSnapshot.count({ where: { accountId: world.accounts.mine.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entityId: receipt.id, action: "rating.created" } })).toBe(1);
  });

  it("stores a retried submission once", async () => {
    const input = ratingInput(world.accounts.mine.id);
    const first = await submitRating(world.actors.client, input);
    const retry = await submitRating(world.actors.client, input);
    expect(retry).toEqual({ id: first.id, duplicate: true });
    expect(await db().rating.count()).toBe(1);
  });

  it("stores concurrent retries once", async () => {
    const input = ratingInput(world.accounts.mine.id);
    const receipts = await Promise.all(Array.from({ length: 4 }, () => submitRating(world.actors.client, input)));
    expect(new Set(receipts.map((receipt) => receipt.id)).size).toBe(1);
    expect(await db().rating.count()).toBe(1);
  });

  it("refuses another user's idempotency key without revealing their rating", async () => {
    const secondClient = await db().user.create({
      data: { email: "second@finance.test", name: "Second", role: "CLIENT", accountId: world.accounts.mine.id, passwordHash: "x" },
    });
    const input = ratingInput(world.accounts.mine.id);
    await submitRating(world.actors.client, input);
    const actor = { id: secondClient.id, role: secondClient.role, accountId: secondClient.accountId, name: secondClient.name, email: secondClient.email };
    await expect(submitRating(actor, input)).rejects.toBeInstanceOf(InputConflictError);
    expect(await db().rating.count()).toBe(1);
  });
});
