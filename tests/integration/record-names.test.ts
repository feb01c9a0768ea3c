import { beforeEach, describe, expect, it } from "vitest";
import { nameRecords } from "../../lib/data/record-names";
import { db } from "../../lib/db/client";
import { buildWorld, type World } from "./world";

// The names and links the evidence and the change history show for every kind of record, from the
// one statement that reads them all (lib/data/record-names.ts).

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const at = (iso: string) => new Date(`${iso}Z`);

/** One record of every kind on the account, each with a known name. */
async function everyKind(accountId: string) {
  const prisma = db();
  const interaction = await prisma.interaction.create({
    data: { accountId, type: "STATUS_UPDATE", occurredAt: at("2026-03-03T09:30:00"), summary: "A".repeat(70), loggedById: world.actors.rm.id },
  });
  const quote = await prisma.quote.create({ data: { interactionId: interaction.id, side: "BUSINESS", text: "IT just doesn't get it" } });
  const followUp = await prisma.followUp.create({
    data: { accountId, interactionId: interaction.id, description: "Send the revised plan", owedBy: "IT", dueDate: day("2026-03-17") },
  });
  const rating = await prisma.rating.create({ data: { accountId, userId: world.actors.client.id, overall: 2, recommend: 3, idempotencyKey: crypto.randomUUID(), createdAt: at("2026-03-10T23:59:00") } });
  const project = await prisma.project.create({ data: { accountId, name: "New ledger", plannedEnd: day("2026-06-30") } });
  const system = await prisma.coreSystem.create({ data: { accountId, name: "Ledger" } });
  const sla = await prisma.slaPeriod.create({
    data: { accountId, coreSystemId: system.id, periodStart: day("2026-02-01"), periodEnd: day("2026-02-28"), targetPercent: 99.5, attainedPercent: 98 },
  });
  const incident = await prisma.incident.create({ data: { accountId, title: "Ledger down", occurredAt: at("2026-02-14T08:00:00"), major: true } });
  const layers = await prisma.analystLayerCount.create({ data: { accountId, countedAt: day("2026-01-31"), count: 4 } });
  const event = await prisma.structuralEvent.create({ data: { accountId, kind: "SHADOW_IT_TEAM", occurredAt: day("2026-01-15") } });
  const goal = await prisma.goal.create({ data: { accountId, title: "Faster month end", measure: "days", target: "3", ownerName: "Ann", agreedAt: day("2026-01-05") } });
  const review = await prisma.goalReview.create({ data: { goalId: goal.id, reviewedAt: day("2026-04-01"), result: "MET" } });
  const badNews = await prisma.badNews.create({ data: { accountId, what: "The upgrade slips a quarter", knownAt: at("2026-02-02T10:00:00") } });
  const declined = await prisma.declinedRequest.create({ data: { accountId, request: "A second data warehouse", declinedAt: day("2026-02-20"), reasonExplained: true } });
  const assessment = await prisma.itAssessment.create({ data: { accountId, assessedAt: at("2026-03-31T12:00:00"), overall: 3 } });
  const contact = await prisma.contact.create({ data: { accountId, name: "Dana Reyes" } });
  const override = await prisma.stageOverride.create({
    data: { accountId, stage: "SNIFFLES", reason: "Talked to the sponsor", expiresAt: at("2026-04-30T00:00:00"), createdAt: at("2026-04-01T16:00:00") },
  });
  const base = `/accounts/${accountId}`;
  return {
    [interaction.id]: { entityType: "Interaction", name: `Status update, 3 Mar 2026: ${"A".repeat(59)}…`, href: `${base}/record/${interaction.id}` },
    [quote.id]: { entityType: "Quote", name: "Quote “IT just doesn't get it” (Status update, 3 Mar 2026)", href: `${base}/record/${quote.id}` },
    [followUp.id]: { entityType: "FollowUp", name: "Follow-up “Send the revised plan”, due 17 Mar 2026", href: `${base}/record/${followUp.id}` },
    [rating.id]: { entityType: "Rating", name: "Rating of 10 Mar 2026 (2/5)", href: `${base}#record-${rating.id}` },
    [project.id]: { entityType: "Project", name: "Project “New ledger”", href: `${base}/delivery#record-${project.id}` },
    [system.id]: { entityType: "CoreSystem", name: "Core system “Ledger”", href: `${base}/settings#record-${system.id}` },
    [sla.id]: { entityType: "SlaPeriod", name: "SLA period 1 Feb 2026 – 28 Feb 2026 (Ledger)", href: `${base}/reliability#record-${sla.id}` },
    [incident.id]: { entityType: "Incident", name: "Major incident, 14 Feb 2026: Ledger down", href: `${base}/reliability#record-${incident.id}` },
    [layers.id]: { entityType: "AnalystLayerCount", name: "Analyst layers counted 31 Jan 2026: 4", href: `${base}/structure#record-${layers.id}` },
    [event.id]: { entityType: "StructuralEvent", name: "A shadow IT team, 15 Jan 2026", href: `${base}/structure#record-${event.id}` },
    [goal.id]: { entityType: "Goal", name: "Goal “Faster month end”", href: `${base}/goals#record-${goal.id}` },
    [review.id]: { entityType: "GoalReview", name: "Review of goal “Faster month end”, 1 Apr 2026", href: `${base}/goals#record-${review.id}` },
    [badNews.id]: { entityType: "BadNews", name: "Bad news, 2 Feb 2026: The upgrade slips a quarter", href: `${base}/bad-news#record-${badNews.id}` },
    [declined.id]: { entityType: "DeclinedRequest", name: "Declined request, 20 Feb 2026: A second data warehouse", href: `${base}/requests#record-${declined.id}` },
    [assessment.id]: { entityType: "ItAssessment", name: "IT's assessment of 31 Mar 2026", href: `${base}/assessment#record-${assessment.id}` },
    [contact.id]: { entityType: "Contact", name: "Contact Dana Reyes", href: `${base}/contacts#record-${contact.id}` },
    [override.id]: { entityType: "StageOverride", name: "Sniffles override of 1 Apr 2026", href: `${base}#record-${override.id}` },
  };
}

const byId = (names: Awaited<ReturnType<typeof nameRecords>>) => Object.fromEntries(names.map(({ id, ...rest }) => [id, rest]));

describe("nameRecords", () => {
  it("names a record of every kind, with its account and where it is shown", async () => {
    const accountId = world.accounts.mine.id;
    const expected = await everyKind(accountId);
    const ids = Object.keys(expected);
    expect(Object.keys(expected)).toHaveLength(17);
    const named = byId(await nameRecords([...ids, ids[0]!, "c-not-a-record"], { live: true }));
    expect(named).toEqual(Object.fromEntries(Object.entries(expected).map(([id, name]) => [id, { ...name, accountId, deleted: false }])));
  });

  it("asks only the kinds named, and leaves deleted and withdrawn records out when live", async () => {
    const accountId = world.accounts.mine.id;
    const expected = await everyKind(accountId);
    const ids = Object.keys(expected);
    const idOf = (entityType: string) => ids.find((id) => expected[id]!.entityType === entityType)!;
    await db().project.update({ where: { id: idOf("Project") }, data: { deletedAt: new Date() } });
    await db().rating.update({ where: { id: idOf("Rating") }, data: { withdrawnAt: new Date() } });

    const live = byId(await nameRecords(ids, { live: true }));
    expect(live).not.toHaveProperty(idOf("Project"));
    expect(live).not.toHaveProperty(idOf("Rating"));
    expect(Object.keys(live)).toHaveLength(15);

    const all = byId(await nameRecords(ids, { kinds: ["Project", "Rating", "Quote"], live: false }));
    expect(Object.keys(all).sort()).toEqual([idOf("Project"), idOf("Rating"), idOf("Quote")].sort());
    expect(all[idOf("Project")]).toMatchObject({ name: "Project “New ledger”", deleted: true });
    expect(all[idOf("Rating")]).toMatchObject({ deleted: true });
    expect(all[idOf("Quote")]).toMatchObject({ deleted: false });

    expect(await nameRecords([], { live: true })).toEqual([]);
    expect(await nameRecords(ids, { kinds: [], live: true })).toEqual([]);
  });
});
