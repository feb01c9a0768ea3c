import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { recomputeAccountHealth } from "../../lib/health/recompute";
import { rescoreAll } from "../../lib/health/rescore";
import { toDiagnosis } from "../../lib/health/snapshot";
import { buildFollowUp, createInteraction, createRating } from "../../prisma/seed/factories";
import { buildWorld, type World } from "./world";

// When a re-diagnosis stores a health snapshot: when the diagnosis changed, or when the account
// has none yet that UTC day (docs/decisions/007-scheduled-rescoring.md).

const DAY = 86_400_000;
const MORNING = new Date("2026-11-20T09:00:00Z");
const at = (hours: number) => new Date(MORNING.getTime() + hours * 3_600_000);

let world: World;
let accountId: string;
beforeEach(async () => {
  world = await buildWorld();
  accountId = world.accounts.mine.id;
  // A few weeks of middling ratings and meetings: enough for a diagnosis.
  for (let week = 1; week <= 6; week++) {
    await createRating(db(), { accountId, userId: world.users.client.id, overall: 3, recommend: 6, createdAt: new Date(MORNING.getTime() - week * 7 * DAY) });
    await createInteraction(db(), { accountId, loggedById: world.users.rm.id, occurredAt: new Date(MORNING.getTime() - week * 7 * DAY + DAY) });
  }
});

const snapshots = () => db().healthSnapshot.findMany({ where: { accountId }, orderBy: { computedAt: "asc" } });
const account = () => db().account.findUniqueOrThrow({ where: { id: accountId } });

describe("storing health snapshots", () => {
  it("stores one snapshot for an unchanged diagnosis rescored twice in a day, and refreshes the summary both times", async () => {
    await rescoreAll(db(), MORNING);
    await rescoreAll(db(), at(6));

    const stored = await snapshots();
    expect(stored.map((snapshot) => snapshot.computedAt)).toEqual([MORNING]);
    expect(stored[0]?.stage).not.toBe("INSUFFICIENT_DATA");
    expect((await account()).healthComputedAt).toEqual(at(6));
  });

  it("stores a second snapshot the same day when the diagnosis changed", async () => {
    await rescoreAll(db(), MORNING);
    // Stored without re-diagnosis, so only the rescore can notice it.
    await createRating(db(), { accountId, userId: world.users.client.id, overall: 1, recommend: 0, createdAt: at(1) });
    await rescoreAll(db(), at(6));

    const stored = await snapshots();
    expect(stored.map((snapshot) => snapshot.computedAt)).toEqual([MORNING, at(6)]);
    expect(stored[1]?.score).toBeLessThan(stored[0]?.score ?? 0);
  });

  it("counts changed evidence as a change even when stage and score stay", async () => {
    const overdue = { accountId, owedBy: "IT" as const, createdAt: new Date(MORNING.getTime() - 10 * DAY), dueDate: new Date(MORNING.getTime() - 3 * DAY) };
    await db().followUp.create({ data: buildFollowUp(overdue) });
    await recomputeAccountHealth(db(), accountId, MORNING);
    // One or two overdue follow-ups weigh the same, but the evidence now reads differently.
    await db().followUp.create({ data: buildFollowUp(overdue) });
    await recomputeAccountHealth(db(), accountId, at(6));

    const stored = await snapshots();
    expect(stored).toHaveLength(2);
    expect(stored[1]).toMatchObject({ stage: stored[0]?.stage, score: stored[0]?.score });
    const overdueMessage = (index: number) => toDiagnosis(stored[index]?.evidence)?.evidence.find((e) => e.signal === "followUps.overdue")?.message;
    expect(overdueMessage(0)).toMatch(/1 overdue follow-up\b/);
    expect(overdueMessage(1)).toMatch(/2 overdue follow-ups/);
  });

  it("stores the first diagnosis of each UTC day even when unchanged, so history keeps a daily point", async () => {
    await rescoreAll(db(), MORNING);
    await rescoreAll(db(), at(14)); // 23:00 UTC, the same day
    await rescoreAll(db(), at(16)); // 01:00 UTC, the next day

    expect((await snapshots()).map((snapshot) => snapshot.computedAt)).toEqual([MORNING, at(16)]);
  });
});
