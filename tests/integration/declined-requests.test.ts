import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDeclinedRequests } from "../../lib/data/declined-requests";
import { NotFoundError } from "../../lib/data/errors";
import { declinedRequestKind } from "../../lib/data/kinds/declined-request";
import { createRecord, deleteRecord, updateRecord } from "../../lib/data/records";
import { db } from "../../lib/db/client";
import { declinedRequestInputSchema } from "../../lib/validation/declined-request";
import { formError, signIn, submit } from "./action-harness";
import { buildWorld, type World } from "./world";

vi.mock("../../lib/auth/current-actor", async () => (await import("./action-harness")).currentActorModule());
vi.mock("next/headers", async () => (await import("./action-harness")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createDeclinedRequestAction, deleteDeclinedRequestAction } = await import("../../app/(app)/accounts/[id]/requests/actions");

let world: World;
beforeEach(async () => {
  world = await buildWorld();
  signIn(null);
});

const now = new Date("2026-06-01T12:00:00Z");
const declined = (overrides: Record<string, string> = {}) =>
  declinedRequestInputSchema.parse({ request: "Remote access to the ledger", declinedAt: "2026-05-01", reasonExplained: "no", ...overrides });

describe("declined requests", () => {
  it("stores a flat no, audits it, and the diagnosis cites it", async () => {
    const { result } = await createRecord(declinedRequestKind, world.actors.rm, world.accounts.mine.id, declined(), now);
    expect(await getDeclinedRequests(world.actors.rm, world.accounts.mine.id)).toMatchObject([{ id: result.id, reasonExplained: false, reason: "" }]);
    expect(await db().auditEvent.count({ where: { entityId: result.id, action: "declinedRequest.created" } })).toBe(1);
    const snapshot = await db().healthSnapshot.findFirstOrThrow({ where: { accountId: world.accounts.mine.id }, orderBy: { computedAt: "desc" } });
    expect(JSON.stringify(snapshot.evidence)).toContain(result.id);
  });

  it("is for the account's manager, the CIO and admin only; another account's request looks missing", async () => {
    const { result } = await createRecord(declinedRequestKind, world.actors.rm, world.accounts.mine.id, declined(), now);
    for (const actor of [world.actors.otherRm, world.actors.client, world.actors.otherClient]) {
      await expect(getDeclinedRequests(actor, world.accounts.mine.id)).rejects.toThrow(NotFoundError);
      await expect(createRecord(declinedRequestKind, actor, world.accounts.mine.id, declined(), now)).rejects.toThrow(NotFoundError);
      await expect(updateRecord(declinedRequestKind, actor, result.id, declined({ reasonExplained: "yes", reason: "No encryption" }), now)).rejects.toThrow(
        "That declined request was not found.",
      );
      await expect(deleteRecord(declinedRequestKind, actor, result.id, "hide it", now)).rejects.toThrow("That declined request was not found.");
    }
    for (const actor of [world.actors.cio, world.actors.admin]) {
      expect(await getDeclinedRequests(actor, world.accounts.mine.id)).toHaveLength(1);
      await expect(createRecord(declinedRequestKind, actor, world.accounts.theirs.id, declined(), now)).resolves.toBeTruthy();
    }
    expect(await db().declinedRequest.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({ reasonExplained: false });
  });
});

describe("the declined request form", () => {
  const fields = (overrides: Record<string, string> = {}) => ({ accountId: world.accounts.mine.id, request: "Remote access to the ledger", declinedAt: "2026-05-01", ...overrides });

  it("needs the reason when it was explained, and a yes or no, writing nothing otherwise", async () => {
    signIn(world.actors.rm);
    expect((await submit(createDeclinedRequestAction, fields({ reasonExplained: "yes", reason: " " }))).error).toEqual({ reason: ["Enter the reason the business was given"] });
    expect(Object.keys((await submit(createDeclinedRequestAction, fields({ reasonExplained: "" }))).error ?? {})).toEqual(["reasonExplained"]);
    expect(await db().declinedRequest.count()).toBe(0);
  });

  it("saves an explained no, and deletes it with a reason", async () => {
    signIn(world.actors.rm);
    const saved = await submit(createDeclinedRequestAction, fields({ reasonExplained: "yes", reason: "The application has no encryption for remote use" }));
    expect(saved).toMatchObject({ status: "success", notice: expect.stringMatching(/^Declined request saved: Finance/) });
    const stored = await db().declinedRequest.findFirstOrThrow();
    expect(stored).toMatchObject({ reasonExplained: true, reason: "The application has no encryption for remote use" });

    expect((await submit(deleteDeclinedRequestAction, { recordId: stored.id, reason: "" })).error?.reason).toBeTruthy();
    signIn(world.actors.client);
    expect(formError(await submit(deleteDeclinedRequestAction, { recordId: stored.id, reason: "Not true" }))).toEqual(["That declined request was not found."]);
    signIn(world.actors.rm);
    expect((await submit(deleteDeclinedRequestAction, { recordId: stored.id, reason: "Logged twice" })).notice).toMatch(/^Declined request deleted: Finance/);
    expect(await db().declinedRequest.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({ deleteReason: "Logged twice" });
  });
});
