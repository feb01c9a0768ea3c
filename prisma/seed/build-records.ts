import { DAY, type UnitContext } from "./build-rows";
import { seededRandom } from "./random";

// The records IT keeps on each account's own screens: core systems with their monthly service
// levels and incidents, projects and their status history, analyst layers, structural events,
// goals and their reviews, bad news, declined requests, IT's own assessments, and human overrides of the stage.

const HOUR = 3_600_000;

export function addRecords(ctx: UnitContext): void {
  addReliability(ctx);
  addProjects(ctx);
  addStructure(ctx);
  addGoals(ctx);
  addConversations(ctx);
  addOverrides(ctx);
  addEpochsAndMaturity(ctx);
}

/** Each core system's service level per calendar month (1 = last full month), and its incidents. */
function addReliability(ctx: UnitContext): void {
  const { rows, random, now, unit, accountId } = ctx;
  const systemIds = new Map<string, string>();
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  for (const system of unit.coreSystems) {
    const id = random.id();
    systemIds.set(system.key, id);
    rows.coreSystems.push({ id, accountId, name: system.name, description: system.description, createdAt: ctx.createdAt });
    const { target, attained, months, misses } = system.sla;
    for (let m = months; m >= 1; m--) {
      const periodStart = new Date(Date.UTC(year, month - m, 1));
      const periodEnd = new Date(Date.UTC(year, month - m + 1, 0));
      const miss = misses.find((x) => x.monthsAgo === m);
      const drawn = attained[0] + random.next() * (attained[1] - attained[0]);
      rows.slaPeriods.push({
        id: random.id(),
        accountId,
        coreSystemId: id,
        periodStart,
        periodEnd,
        targetPercent: target,
        attainedPercent: miss ? miss.attained : Math.round(drawn * 100) / 100,
        // Imported from the ITSM tool a couple of days after the month closed.
        createdAt: new Date(Math.min(now.getTime(), periodEnd.getTime() + 2 * DAY)),
      });
    }
  }
  unit.incidents.forEach((incident, n) => {
    const occurredAt = ctx.at(incident.daysAgo);
    const resolvedAt = incident.hoursToResolve === null ? null : new Date(occurredAt.getTime() + incident.hoursToResolve * HOUR);
    rows.incidents.push({
      id: random.id(),
      accountId,
      coreSystemId: systemIds.get(incident.system)!,
      title: incident.title,
      externalRef: incident.ref ?? `INC-${unit.key.slice(0, 3).toUpperCase()}-${1001 + n}`,
      occurredAt,
      resolvedAt: resolvedAt && resolvedAt <= now ? resolvedAt : null,
      major: incident.major,
      heardFromItFirst: incident.heardFromItFirst,
      createdAt: occurredAt,
    });
  });
}

function addProjects(ctx: UnitContext): void {
  const { rows, random, unit, accountId } = ctx;
  for (const project of unit.projects) {
    const id = random.id();
    const [first] = project.statuses;
    rows.projects.push({
      id,
      accountId,
      name: project.name,
      description: project.description,
      highProfile: project.highProfile,
      status: project.statuses.at(-1)!.status,
      plannedStart: project.plannedStartDaysAgo === undefined ? null : ctx.day(project.plannedStartDaysAgo),
      plannedEnd: ctx.day(project.plannedEndDaysAgo),
      actualEnd: project.actualEndDaysAgo === null ? null : ctx.day(project.actualEndDaysAgo),
      budget: project.budget ?? null,
      actualCost: project.actualCost ?? null,
      scopeDeliveredPercent: project.scopeDeliveredPercent ?? null,
      createdAt: ctx.at(first!.daysAgo),
    });
    for (const change of project.statuses) {
      rows.projectStatusChanges.push({
        id: random.id(),
        projectId: id,
        status: change.status,
        changedAt: ctx.at(change.daysAgo),
        note: change.note,
        changedById: ctx.ownerAt(change.daysAgo),
      });
    }
  }
}

function addStructure(ctx: UnitContext): void {
  const { rows, random, unit, accountId } = ctx;
  for (const layer of unit.analystLayers) {
    rows.analystLayerCounts.push({ id: random.id(), accountId, countedAt: ctx.day(layer.daysAgo), count: layer.count, note: layer.note, createdAt: ctx.at(layer.daysAgo) });
  }
  for (const event of unit.structuralEvents) {
    rows.structuralEvents.push({
      id: random.id(),
      accountId,
      kind: event.kind,
      occurredAt: ctx.day(event.daysAgo),
      resolvedAt: event.resolvedDaysAgo === undefined ? null : ctx.day(event.resolvedDaysAgo),
      note: event.note,
      size: event.size ?? null,
      subject: event.subject ?? null,
      forced: event.forced ?? null,
      createdAt: ctx.at(event.daysAgo),
    });
  }
}

function addGoals(ctx: UnitContext): void {
  const { rows, random, unit, accountId } = ctx;
  for (const goal of unit.goals) {
    const id = random.id();
    rows.goals.push({
      id,
      accountId,
      title: goal.title,
      measure: goal.measure,
      target: goal.target,
      ownerName: goal.owner,
      agreedAt: ctx.day(goal.agreedDaysAgo),
      reviewEveryDays: goal.reviewEveryDays,
      closedAt: goal.closedDaysAgo === undefined ? null : ctx.day(goal.closedDaysAgo),
      createdAt: ctx.at(goal.agreedDaysAgo),
    });
    for (const review of goal.reviews) {
      rows.goalReviews.push({ id: random.id(), goalId: id, reviewedAt: ctx.day(review.daysAgo), result: review.result, notes: review.notes, createdAt: ctx.at(review.daysAgo) });
    }
  }
}

/** What IT told the client, refused it, and thinks of the relationship itself. */
function addConversations(ctx: UnitContext): void {
  const { rows, random, unit, accountId } = ctx;
  const projectIds = new Map(rows.projects.filter((p) => p.accountId === accountId).map((p) => [p.name, p.id as string]));
  for (const news of unit.badNews) {
    const knownAt = ctx.at(news.knownDaysAgo);
    const told = news.toldDaysAgo;
    rows.badNews.push({
      id: random.id(),
      accountId,
      projectId: news.project === undefined ? null : projectIds.get(news.project)!,
      what: news.what,
      knownAt,
      // Told the same day: later that day, never before IT knew.
      toldAt: told === null ? null : new Date(Math.max(ctx.at(told).getTime(), knownAt.getTime() + HOUR)),
      toldById: told === null ? null : news.toldBy ? ctx.staffId(news.toldBy) : ctx.ownerAt(told),
      createdAt: knownAt,
    });
  }
  for (const declined of unit.declinedRequests) {
    rows.declinedRequests.push({
      id: random.id(),
      accountId,
      request: declined.request,
      declinedAt: ctx.day(declined.daysAgo),
      reasonExplained: declined.explained,
      reason: declined.reason,
      createdAt: ctx.at(declined.daysAgo),
    });
  }
  for (const { daysAgo, by, notes, ...scores } of unit.itAssessments) {
    const assessedAt = ctx.at(daysAgo);
    rows.itAssessments.push({ id: random.id(), accountId, assessedById: by ? ctx.staffId(by) : ctx.ownerAt(daysAgo), assessedAt, notes, ...scores, createdAt: assessedAt });
  }
}

/** FNV-1a: a fixed number from a text, to seed a stream of draws of its own. */
export const hashOf = (text: string) => [...text].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16_777_619) >>> 0, 2_166_136_261);

/**
 * A human's manual stage beside the engine's: set on a day, holding through its last day (UTC),
 * perhaps ended early. Its own draws, so adding an override to the story leaves every unit's
 * random filler (one shared stream) as it was.
 */
function addOverrides(ctx: UnitContext): void {
  const { rows, now, unit, accountId } = ctx;
  const draws = seededRandom(hashOf(`${unit.key}/stage-overrides`));
  const at = (daysAgo: number) => new Date(Math.min(now.getTime() - HOUR, now.getTime() - daysAgo * DAY - draws.int(1, 8) * HOUR));
  for (const o of unit.stageOverrides) {
    rows.stageOverrides.push({
      id: draws.id(),
      accountId,
      stage: o.stage,
      reason: o.reason,
      expiresAt: new Date(ctx.day(o.untilDaysAgo).getTime() + DAY),
      createdById: ctx.staffId(o.by),
      createdAt: at(o.daysAgo),
      endedAt: o.ended ? at(o.ended.daysAgo) : null,
      endedById: o.ended ? ctx.staffId(o.ended.by) : null,
      endReason: o.ended?.reason ?? null,
    });
  }
}

/**
 * Epochs (the relationship starting over on a day, UTC midnight) and each side's view of its
 * maturity, with their own draws, so adding them leaves every unit's random filler as it was.
 */
function addEpochsAndMaturity(ctx: UnitContext): void {
  const { rows, unit, accountId } = ctx;
  const draws = seededRandom(hashOf(`${unit.key}/epochs-maturity`));
  for (const e of unit.epochs) {
    rows.epochs.push({ id: draws.id(), accountId, startsAt: ctx.day(e.daysAgo), reasonKind: e.reasonKind, reason: e.reason, recordedById: ctx.staffId(e.by), createdAt: ctx.at(e.daysAgo) });
  }
  for (const m of unit.maturity) {
    const assessedById = m.side === "BUSINESS" ? ctx.clientUserId : m.by ? ctx.staffId(m.by) : ctx.ownerAt(m.daysAgo);
    const assessedAt = ctx.at(m.daysAgo);
    rows.maturityAssessments.push({ id: draws.id(), accountId, side: m.side, level: m.level, note: m.note, assessedAt, assessedById, createdAt: assessedAt });
  }
}
