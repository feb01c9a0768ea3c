import { describe, expect, it } from "vitest";
import { hashToken, invitationToken } from "../../lib/campaigns/tokens";
import { db } from "../../lib/db/client";
import { auditFilterSchema, listAuditLog } from "../../lib/data/audit-log";
import { getRecordHistory } from "../../lib/data/history";
import type { Diagnosis } from "../../lib/scoring";
import { ACCOUNT_STORIES, seed } from "../../prisma/seed";
import { actorOf } from "./world";

// The demo story is how a newcomer learns the product: each unit must land on the stage its story
// is written for, showing the signals its arc names (prisma/seed/units/*.json, expectedEvidence).

describe("the demo story", () => {
  it("lands every unit on its intended stage, for the reasons its story gives", async () => {
    // A fixed moment, so calendar months (service levels) fall the same way on every run.
    const now = new Date("2026-12-01T12:00:00Z");
    const result = await seed(db(), { now });

    for (const [table, count] of Object.entries(result.counts)) expect(count, `rows in ${table}`).toBeGreaterThan(0);
    const accounts = await db().account.findMany({
      select: {
        name: true,
        healthStage: true,
        healthTrend: true,
        healthSnapshots: { orderBy: { computedAt: "desc" }, take: 1, select: { evidence: true, computedAt: true } },
      },
    });
    const byName = new Map(accounts.map((a) => [a.name, a]));

    const expected = ACCOUNT_STORIES.map((unit) => ({
      unit: unit.name,
      stage: unit.intendedStage,
      missing: [] as string[],
      ...(unit.expectedTrend ? { trend: unit.expectedTrend } : {}),
    }));
    const actual = ACCOUNT_STORIES.map((unit) => {
      const account = byName.get(unit.name)!;
      const [latest] = account.healthSnapshots;
      expect(latest!.computedAt).toEqual(now);
      const signals = new Set((latest!.evidence as unknown as Diagnosis).evidence.map((e) => e.signal));
      return {
        unit: unit.name,
        stage: account.healthStage,
        missing: unit.expectedEvidence.filter((signal) => !signals.has(signal)),
        ...(unit.expectedTrend ? { trend: account.healthTrend } : {}),
      };
    });
    expect(actual).toEqual(expected);
    expect(result.accounts.map((a) => [a.name, a.stage])).toEqual(actual.map((a) => [a.unit, a.stage]));

    // Ownership history: one unit changed hands, Facilities has never had a manager.
    const handovers = await db().accountOwnership.groupBy({ by: ["accountId"], _count: true, having: { accountId: { _count: { gt: 1 } } } });
    expect(handovers).toHaveLength(ACCOUNT_STORIES.filter((u) => u.earlierManagers.length > 0).length);
    const missed = await db().interaction.groupBy({ by: ["outcome", "cancelledBy"], where: { outcome: { not: "HELD" } }, _count: true });
    expect(missed.map((m) => `${m.outcome} by ${m.cancelledBy}`).sort()).toEqual(
      expect.arrayContaining(["CANCELLED by CLIENT", "CANCELLED by IT", "NO_SHOW by CLIENT", "UNANSWERED by IT"]),
    );

    // Rating campaigns: the mailbox's links work (the stored hash is the link's), the failed email
    // keeps its reason, and the response rate is evidence with its trend where it fell.
    const open = await db().ratingInvitation.findMany({
      where: { campaign: { status: "OPEN" }, sentAt: { not: null }, answeredAt: null, expiresAt: { gt: now } },
      select: { id: true, tokenSalt: true, tokenHash: true, emails: { select: { status: true, transport: true } } },
    });
    expect(open.length).toBeGreaterThanOrEqual(3);
    for (const invitation of open) {
      expect(hashToken(invitationToken(invitation.id, invitation.tokenSalt))).toBe(invitation.tokenHash);
      expect(invitation.emails).toContainEqual({ status: "SENT", transport: "mailbox" });
    }
    const skipped = await db().ratingInvitation.findMany({ where: { skippedReason: { not: null } }, select: { id: true, tokenSalt: true, tokenHash: true } });
    for (const invitation of skipped) expect(hashToken(invitationToken(invitation.id, invitation.tokenSalt))).not.toBe(invitation.tokenHash);
    expect(await db().emailMessage.count({ where: { status: "FAILED", lastError: { not: null } } })).toBe(1);
    expect(await db().serviceScore.count()).toBeGreaterThan(0);
    const retail = byName.get("Retail Stores")!.healthSnapshots[0]!.evidence as unknown as Diagnosis;
    expect(retail.evidence.find((e) => e.signal === "ratings.responseRate")?.message).toMatch(/^The response rate fell from \d+% to \d+%/);

    // The audit log reads as the app writes it: every interaction, rating, campaign and action
    // has its event, by the person who made it, at its time; an anonymous answer names nobody.
    const cio = actorOf(await db().user.findFirstOrThrow({ where: { role: "CIO" } }));
    for (const [action, count] of [
      ["interaction.created", await db().interaction.count()],
      ["rating.created", await db().rating.count()],
      ["campaign.created", await db().campaign.count()],
      ["action.created", await db().action.count()],
      ["action.closed", await db().action.count({ where: { status: { not: "OPEN" } } })],
    ] as const) {
      expect(await db().auditEvent.count({ where: { action } }), action).toBe(count);
    }
    const logged = await db().interaction.findFirstOrThrow({ where: { quotes: { some: {} } }, select: { id: true, createdAt: true, summary: true, loggedBy: { select: { name: true } } } });
    const { entries } = await getRecordHistory(cio, "Interaction", logged.id);
    expect(entries).toMatchObject([{ verb: "created", actorName: logged.loggedBy.name }]);
    expect(entries[0]!.changes).toContainEqual({ field: "summary", after: logged.summary });
    expect((await db().auditEvent.findFirstOrThrow({ where: { entityId: logged.id } })).createdAt).toEqual(logged.createdAt);
    const latest = await listAuditLog(cio, auditFilterSchema.parse({}));
    expect(latest.entries).toHaveLength(50);
    expect(latest.entries.every((e) => e.at <= now && e.action.includes("."))).toBe(true);
    const closed = await listAuditLog(cio, auditFilterSchema.parse({ action: "action.closed" }));
    expect(closed.entries.length).toBeGreaterThan(0);
    for (const e of closed.entries) expect(e.changes).toContainEqual(expect.objectContaining({ field: "status", before: "OPEN" }));
    const anonymous = await db().rating.findMany({ where: { campaign: { anonymous: true } }, select: { id: true } });
    expect(anonymous.length).toBeGreaterThan(0);
    const anonymousEvents = await db().auditEvent.findMany({ where: { entityId: { in: anonymous.map((r) => r.id) } } });
    expect(anonymousEvents).toHaveLength(anonymous.length);
    for (const e of anonymousEvents) {
      expect(e.actorId).toBeNull();
      expect(e.details).toEqual({ source: "INVITATION", campaignId: expect.any(String), anonymous: true });
      expect(e.createdAt.getUTCHours() + e.createdAt.getUTCMinutes()).toBe(0);
    }
  }, 300_000);
});
