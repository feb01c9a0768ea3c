import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { idSchema } from "../validation/fields";
import type { Tx } from "./audit";
import { listCoreSystems } from "./core-systems";
import { InputConflictError, NotFoundError } from "./errors";
import type { Actor } from "./permissions";
import { visibleRecord } from "./record-access";

// Reads for the account's Reliability section (IT only), and the lookups its writes share: which
// core systems are the account's, and which SLA period or incident a new one would duplicate.

export interface CoreSystemOption {
  id: string;
  name: string;
}

/** Refuses a core system of another account (or a deleted one): the form names the field. */
export async function assertCoreSystemOfAccount(tx: Tx, accountId: string, coreSystemId: string | null): Promise<void> {
  if (coreSystemId === null) return;
  const system = await tx.coreSystem.findFirst({ where: { id: coreSystemId, accountId, deletedAt: null }, select: { id: true } });
  if (!system) throw new InputConflictError("That system is not one of this unit's core systems.", { coreSystemId: ["Choose one of this unit's core systems"] });
}

export interface SlaKey {
  coreSystemId: string | null;
  periodStart: Date;
  periodEnd: Date;
}

/** The live SLA period of the account for this system and period (one per key), other than `exceptId`. */
export function findSlaPeriod(tx: Tx, accountId: string, { coreSystemId, periodStart, periodEnd }: SlaKey, exceptId?: string) {
  return tx.slaPeriod.findFirst({
    where: { accountId, coreSystemId, periodStart, periodEnd, deletedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    orderBy: { createdAt: "asc" },
    select: { id: true, targetPercent: true, attainedPercent: true },
  });
}

/** The live incident of the account with this ticket number, other than `exceptId`. */
export function findIncidentByRef(tx: Tx, accountId: string, externalRef: string, exceptId?: string) {
  return tx.incident.findFirst({
    where: { accountId, externalRef, deletedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    orderBy: { createdAt: "asc" },
    select: { id: true, coreSystemId: true, title: true, occurredAt: true, resolvedAt: true, major: true, heardFromItFirst: true },
  });
}

const slaSelect = {
  id: true,
  accountId: true,
  coreSystemId: true,
  periodStart: true,
  periodEnd: true,
  targetPercent: true,
  attainedPercent: true,
  coreSystem: { select: { name: true } },
} satisfies Prisma.SlaPeriodSelect;

const incidentSelect = {
  id: true,
  accountId: true,
  coreSystemId: true,
  title: true,
  externalRef: true,
  occurredAt: true,
  resolvedAt: true,
  major: true,
  heardFromItFirst: true,
  coreSystem: { select: { name: true } },
} satisfies Prisma.IncidentSelect;

export type SlaPeriodView = Prisma.SlaPeriodGetPayload<{ select: typeof slaSelect }>;
export type IncidentView = Prisma.IncidentGetPayload<{ select: typeof incidentSelect }>;

/** Enough history for a chart and a table per system; older periods stay in the database. */
const SLA_PERIODS_SHOWN = 1000;
const INCIDENTS_SHOWN = 200;

export interface SlaGroup {
  /** null: the unit's service as a whole. */
  system: CoreSystemOption | null;
  /** The system was deleted since; its periods still count, under its name. */
  removed: boolean;
  periods: SlaPeriodView[];
}

/**
 * The account's service levels grouped by core system (each live system listed even with no
 * periods yet, then systems deleted since, then the unit's service as a whole), oldest period
 * first, and its latest incidents.
 */
export async function getReliability(actor: Actor, accountId: string) {
  const systems = await listCoreSystems(actor, accountId); // checks the caller's access
  const [periods, incidents] = await Promise.all([
    db().slaPeriod.findMany({ where: { accountId, deletedAt: null }, orderBy: [{ periodEnd: "desc" }, { id: "asc" }], take: SLA_PERIODS_SHOWN, select: slaSelect }),
    db().incident.findMany({ where: { accountId, deletedAt: null }, orderBy: [{ occurredAt: "desc" }, { id: "asc" }], take: INCIDENTS_SHOWN, select: incidentSelect }),
  ]);
  const groups = new Map<string, SlaGroup>(systems.map((system) => [system.id, { system, removed: false, periods: [] }]));
  const wholeService: SlaGroup = { system: null, removed: false, periods: [] };
  for (const period of periods.reverse()) {
    const id = period.coreSystemId;
    if (id !== null && !groups.has(id)) groups.set(id, { system: { id, name: period.coreSystem?.name ?? "" }, removed: true, periods: [] });
    (id === null ? wholeService : groups.get(id)!).periods.push(period);
  }
  const slaGroups = [...groups.values(), ...(wholeService.periods.length > 0 ? [wholeService] : [])];
  return { systems, slaGroups, incidents };
}

const parseId = (value: string, label: string) => {
  const id = idSchema.safeParse(value);
  if (!id.success) throw new NotFoundError(label);
  return id.data;
};

export async function getSlaPeriod(actor: Actor, slaPeriodId: string): Promise<SlaPeriodView> {
  const row = await db().slaPeriod.findFirst({ where: { id: parseId(slaPeriodId, "SLA period"), deletedAt: null }, select: slaSelect });
  return visibleRecord(actor, row, "SLA period");
}

export async function getIncident(actor: Actor, incidentId: string): Promise<IncidentView> {
  const row = await db().incident.findFirst({ where: { id: parseId(incidentId, "incident"), deletedAt: null }, select: incidentSelect });
  return visibleRecord(actor, row, "incident");
}
