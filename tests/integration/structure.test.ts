import { beforeEach, describe, expect, it, vi } from "vitest";
import { NotFoundError } from "../../lib/data/errors";
import { analystLayerCountKind } from "../../lib/data/kinds/analyst-layer-count";
import { structuralEventKind, structuralEventResolutionKind } from "../../lib/data/kinds/structural-event";
import { createRecord, deleteRecord, updateRecord } from "../../lib/data/records";
import { getStructure } from "../../lib/data/structure";
import { db } from "../../lib/db/client";
import { analystLayerCountInputSchema, structuralEventInputSchema } from "../../lib/validation/structure";
import { formError, signIn, submit } from "./action-harness";
import { buildWorld, type World } from "./world";

vi.mock("../../lib/auth/current-actor", async () => (await import("./action-harness")).currentActorModule());
vi.mock("next/headers", async () => (await import("./action-harness")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createStructuralEventAction, resolveStructuralEventAction, createLayerCountAction } = await import("../../app/(app)/accounts/[id]/structure/actions");

let world: World;
beforeEach(async () => {
  world = await buildWorld();
  signIn(null);
});

const now = new Date("2026-06-01T12:00:00Z");
const event = (overrides: Record<string, unknown> = {}) =>
  structuralEventInputSchema.parse({ kind: "SHADOW_IT_TEAM", occurredAt: "2026-04-01", size: "6", note: "Marketing hired developers", ...overrides });
const layers = (count: number, countedAt = "2026-05-01") => analystLayerCountInputSchema.parse({ countedAt, count: String(count) });

describe("structural signs: writes", () => {
  it("stores an event with its extra fact, audits it, and the diagnosis cites it", async () => {
    const { result, change } = await createRecord(structuralEventKind, world.actors.rm, world.accounts.mine.id, event(), now);
    expect(change.accountName).toBe("Finance");
    expect(await db().structuralEvent.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({ kind: "SHADOW_IT_TEAM", size: 6, subject: null, forced: null });
    expect(await db().auditEvent.count({ where: { entityId: result.id, action: "structuralEvent.created" } })).toBe(1);
    const snapshot = await db().healthSnapshot.findFirstOrThrow({ where: { accountId: world.accounts.mine.id }, orderBy: { computedAt: "desc" } });
    expect(JSON.stringify(snapshot.evidence)).toContain(result.id);
  });

  it("marks an event resolved, audited as a correction of that one field, and refuses a date before it happened", async () => {
    const { result } = await createRecord(structuralEventKind, world.actors.rm, world.accounts.mine.id, event(), now);
    const resolved = await updateRecord(structuralEventResolutionKind, world.actors.rm, result.id, { resolvedAt: new Date("2026-05-15T00:00:00Z") }, now);
    expect(resolved.result.changed).toBe(1);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: result.id, action: "structuralEvent.updated" } });
    expect(audit.details).toEqual({ before: { resolvedAt: null }, after: { resolvedAt: "2026-05-15T00:00:00.000Z" } });

    await expect(updateRecord(structuralEventResolutionKind, world.actors.rm, result.id, { resolvedAt: new Date("2026-03-01T00:00:00Z") }, now)).rejects.toMatchObject({
      fieldErrors: { resolvedAt: ["It cannot be resolved before it happened"] },
    });
    expect((await db().structuralEvent.findUniqueOrThrow({ where: { id: result.id } })).resolvedAt).toEqual(new Date("2026-05-15T00:00:00Z"));
  });

  it("lets only the account's manager, the CIO and admin write or read; other accounts' records look missing", async () => {
    const { result } = await createRecord(structuralEventKind, world.actors.rm, world.accounts.mine.id, event(), now);
    const { result: count } = await createRecord(analystLayerCountKind, world.actors.rm, world.accounts.mine.id, layers(2), now);
    for (const actor of [world.actors.otherRm, world.actors.client, world.actors.otherClient]) {
      await expect(getStructure(actor, world.accounts.mine.id)).rejects.toThrow(NotFoundError);
      await expect(createRecord(structuralEventKind, actor, world.accounts.mine.id, event(), now)).rejects.toThrow(NotFoundError);
      await expect(updateRecord(structuralEventKind, actor, result.id, event({ size: "60" }), now)).rejects.toThrow("That structural event was not found.");
      await expect(updateRecord(structuralEventResolutionKind, actor, result.id, { resolvedAt: now }, now)).rejects.toThrow(NotFoundError);
      await expect(deleteRecord(analystLayerCountKind, actor, count.id, "not mine", now)).rejects.toThrow("That analyst layer count was not found.");
    }
    for (const actor of [world.actors.rm, world.actors.cio, world.actors.admin]) {
      const { events, layerCounts } = await getStructure(actor, world.accounts.mine.id);
      expect(events.map((e) => e.id)).toEqual([result.id]);
      expect(layerCounts.map((l) => l.count)).toEqual([2]);
    }
    expect((await db().structuralEvent.findUniqueOrThrow({ where: { id: result.id } })).size).toBe(6);
    // The manager of another account asks for this account's record by id.
    const { result: theirs } = await createRecord(structuralEventKind, world.actors.otherRm, world.accounts.theirs.id, event(), now);
    await expect(updateRecord(structuralEventKind, world.actors.rm, theirs.id, event(), now)).rejects.toThrow(NotFoundError);
    await expect(deleteRecord(structuralEventKind, world.actors.rm, theirs.id, "not mine", now)).rejects.toThrow(NotFoundError);
  });

  it("lists layer counts over time and leaves deleted records out", async () => {
    const first = await createRecord(analystLayerCountKind, world.actors.rm, world.accounts.mine.id, layers(1, "2026-01-01"), now);
    await createRecord(analystLayerCountKind, world.actors.rm, world.accounts.mine.id, layers(4, "2026-05-01"), now);
    await createRecord(analystLayerCountKind, world.actors.rm, world.accounts.mine.id, layers(2, "2026-03-01"), now);
    await deleteRecord(analystLayerCountKind, world.actors.rm, first.result.id, "Counted twice", now);
    expect((await getStructure(world.actors.rm, world.accounts.mine.id)).layerCounts.map((l) => l.count)).toEqual([2, 4]);
  });
});

describe("structural signs: the forms", () => {
  const eventForm = (fields: Record<string, string>) => ({ accountId: world.accounts.mine.id, kind: "OUTSIDE_CONSULTANTS", occurredAt: "2026-04-01", ...fields });

  it("allows each extra fact only for its kind, naming the field, and writes nothing", async () => {
    signIn(world.actors.rm);
    const wrong = await submit(createStructuralEventAction, eventForm({ size: "4", forced: "yes", subject: "" }));
    expect(wrong.status).toBe("error");
    expect(wrong.error).toMatchObject({ size: ["Only a shadow IT team has a size"], forced: ["Only a change of IT leadership can be forced"] });
    expect(wrong.error).not.toHaveProperty("subject");
    const early = await submit(createStructuralEventAction, eventForm({ resolvedAt: "2026-03-01" }));
    expect(early.error?.resolvedAt).toEqual(["It cannot be resolved before it happened"]);
    const future = await submit(createStructuralEventAction, eventForm({ occurredAt: "2099-01-01" }));
    expect(future.error?.occurredAt?.[0]).toMatch(/in the future/);
    expect(await db().structuralEvent.count()).toBe(0);
    expect(await db().auditEvent.count()).toBe(0);

    const saved = await submit(createStructuralEventAction, eventForm({ subject: "The new pricing engine" }));
    expect(saved).toMatchObject({ status: "success", notice: expect.stringMatching(/^Structural event saved: Finance (moved from .+ to|stays at) .+$/) });
    expect(await db().structuralEvent.findFirstOrThrow()).toMatchObject({ kind: "OUTSIDE_CONSULTANTS", subject: "The new pricing engine", size: null, forced: null });
  });

  it("marks resolved through its own form, and answers not found to a client", async () => {
    signIn(world.actors.rm);
    const { result } = await createRecord(structuralEventKind, world.actors.rm, world.accounts.mine.id, event(), now);
    expect((await submit(resolveStructuralEventAction, { recordId: result.id, resolvedAt: "2026-01-01" })).error?.resolvedAt).toEqual(["It cannot be resolved before it happened"]);
    expect((await submit(resolveStructuralEventAction, { recordId: result.id, resolvedAt: "2026-05-20" })).notice).toMatch(/^Structural event marked resolved: Finance/);
    signIn(world.actors.client);
    expect(formError(await submit(createLayerCountAction, { accountId: world.accounts.mine.id, countedAt: "2026-05-01", count: "3" }))).toEqual(["That account was not found."]);
    expect(await db().analystLayerCount.count()).toBe(0);
  });

  it("refuses impossible layer counts", () => {
    const issues = (input: Record<string, string>) => analystLayerCountInputSchema.safeParse({ countedAt: "2026-05-01", count: "2", ...input }).error?.issues.map((i) => i.path.join("."));
    expect(issues({ count: "-1" })).toEqual(["count"]);
    expect(issues({ count: "2.5" })).toEqual(["count"]);
    expect(issues({ countedAt: "2026-02-30" })).toEqual(["countedAt"]);
  });
});
