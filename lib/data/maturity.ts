import "server-only";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { MaturityLevel, Side, Stage } from "../generated/prisma/enums";
import { type MaturityInput, maturityRank } from "../validation/maturity";
import { openAccount } from "./accounts";
import { auditJson } from "./account-write";
import { recordAudit } from "./audit";
import { ForbiddenError } from "./errors";
import { type Actor, canOpenAccount, seesPortfolio } from "./permissions";

// Each side's view of the relationship's maturity (decision 023). IT with full access records
// IT's view; a client of the unit records the business's: the side follows from who records it,
// so neither can speak for the other. Maturity is not a diagnosis signal, so a write does not
// re-diagnose the account (it is audited like every write).

const sideOf = (actor: Actor): Side => (actor.role === "CLIENT" ? "BUSINESS" : "IT");

/** Records the actor's side's view of the account's maturity, as of `now`. */
export async function recordMaturity(actor: Actor, accountId: string, input: MaturityInput, now = new Date()): Promise<{ id: string; side: Side }> {
  await openAccount(actor, accountId, (access) => access === "full" || access === "client");
  const side = sideOf(actor);
  return db().$transaction(async (tx) => {
    const row = await tx.maturityAssessment.create({
      data: { accountId, side, level: input.level, note: input.note, assessedAt: now, assessedById: actor.id, createdAt: now },
      select: { id: true, side: true, level: true, note: true, assessedAt: true },
    });
    await recordAudit(tx, { actorId: actor.id, accountId, action: "maturityAssessment.created", entityType: "MaturityAssessment", entityId: row.id, details: auditJson({ after: row }) });
    return { id: row.id, side };
  });
}

export interface MaturityView {
  id: string;
  side: Side;
  level: MaturityLevel;
  note: string;
  assessedAt: Date;
  assessedBy: string | null;
}

/** IT's rank minus the business's: above 0, IT sees a more mature relationship than the unit does. */
export const maturityGap = (it: MaturityLevel | null, business: MaturityLevel | null) => (it && business ? maturityRank(it) - maturityRank(business) : null);

/**
 * The account's maturity page: the latest view of each side, their gap and the history, newest
 * first. IT with full access reads both sides; the unit's clients read the business's side only
 * (IT's self-assessment is IT's); anyone else finds no such account.
 */
export async function getMaturity(actor: Actor, accountId: string) {
  const access = await openAccount(actor, accountId, canOpenAccount);
  const rows = await db().maturityAssessment.findMany({
    where: { accountId, deletedAt: null, ...(access === "client" && { side: "BUSINESS" as const }) },
    orderBy: [{ assessedAt: "desc" }, { id: "desc" }],
    select: { id: true, side: true, level: true, note: true, assessedAt: true, assessedBy: { select: { name: true } } },
  });
  const history: MaturityView[] = rows.map(({ assessedBy, ...row }) => ({ ...row, assessedBy: assessedBy?.name ?? null }));
  const it = access === "client" ? null : (history.find((row) => row.side === "IT") ?? null);
  const business = history.find((row) => row.side === "BUSINESS") ?? null;
  return { side: sideOf(actor), it, business, gap: maturityGap(it?.level ?? null, business?.level ?? null), history };
}

export interface MaturityGridUnit {
  id: string;
  name: string;
  stage: Stage;
  it: MaturityLevel | null;
  business: MaturityLevel | null;
  gap: number | null;
}

/**
 * The maturity × stage grid: every active unit the actor has full access to (the CIO and admins:
 * all; a relationship manager: their own — another's units show in the portfolio as summary rows,
 * and their maturity is not part of a summary), with each side's latest view. One query.
 */
export async function getMaturityGrid(actor: Actor): Promise<{ units: MaturityGridUnit[]; othersHidden: number }> {
  if (!seesPortfolio(actor)) throw new ForbiddenError("The maturity grid is for IT.");
  // A manager's own units only; the others are counted, so the page can say they are left out.
  const own = actor.role === "RELATIONSHIP_MANAGER" ? Prisma.sql`AND a.relationship_manager_id = ${actor.id}` : Prisma.empty;
  const latest = (side: Side) =>
    Prisma.sql`(SELECT m.level::text FROM maturity_assessments m WHERE m.account_id = a.id AND m.side = ${side}::"Side" AND m.deleted_at IS NULL ORDER BY m.assessed_at DESC, m.id DESC LIMIT 1)`;
  const [rows, active] = await Promise.all([
    db().$queryRaw<Omit<MaturityGridUnit, "gap">[]>`
      SELECT a.id, a.name, a.health_stage::text AS stage, ${latest("IT")} AS it, ${latest("BUSINESS")} AS business
      FROM accounts a
      WHERE a.archived_at IS NULL ${own}
      ORDER BY a.name, a.id`,
    actor.role === "RELATIONSHIP_MANAGER" ? db().account.count({ where: { archivedAt: null } }) : null,
  ]);
  return {
    units: rows.map((row) => ({ ...row, gap: maturityGap(row.it, row.business) })),
    othersHidden: active === null ? 0 : active - rows.length,
  };
}
