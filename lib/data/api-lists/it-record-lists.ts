import "server-only";
import { db } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import { itRecordList } from "./it-records";

// The API's lists of the IT records kept per account (lib/data/kinds/*): IT with full access only.
// Each names its columns (what the API sends; no deletion columns) and the time it is listed by.

const live = { deletedAt: null };
const money = (value: Prisma.Decimal | null) => (value === null ? null : Number(value));
const identity = <R>(row: R) => row;

const projectSelect = {
  id: true,
  accountId: true,
  name: true,
  description: true,
  highProfile: true,
  status: true,
  plannedStart: true,
  plannedEnd: true,
  actualEnd: true,
  budget: true,
  actualCost: true,
  scopeDeliveredPercent: true,
  createdAt: true,
  updatedAt: true,
  statusChanges: { orderBy: [{ changedAt: "asc" }, { id: "asc" }], select: { status: true, changedAt: true, note: true } },
} satisfies Prisma.ProjectSelect;

/** Projects by planned end. */
export const projectList = itRecordList({
  label: "project",
  time: "plannedEnd",
  find: (args) => db().project.findMany({ ...args, where: { AND: [args.where, live] }, select: projectSelect }),
  accountOf: async (id) => (await db().project.findFirst({ where: { id, ...live }, select: { accountId: true } }))?.accountId,
  shape: ({ budget, actualCost, ...row }) => ({ ...row, budget: money(budget), actualCost: money(actualCost) }),
});

const slaSelect = { id: true, accountId: true, coreSystemId: true, periodStart: true, periodEnd: true, targetPercent: true, attainedPercent: true, createdAt: true, updatedAt: true } as const;

/** Service-level periods by their start. */
export const slaPeriodList = itRecordList({
  label: "SLA period",
  time: "periodStart",
  find: (args) => db().slaPeriod.findMany({ ...args, where: { AND: [args.where, live] }, select: slaSelect }),
  accountOf: async (id) => (await db().slaPeriod.findFirst({ where: { id, ...live }, select: { accountId: true } }))?.accountId,
  shape: identity,
});

const incidentSelect = { id: true, accountId: true, coreSystemId: true, title: true, externalRef: true, occurredAt: true, resolvedAt: true, major: true, heardFromItFirst: true, createdAt: true, updatedAt: true } as const;

/** Incidents by when they occurred. */
export const incidentList = itRecordList({
  label: "incident",
  time: "occurredAt",
  find: (args) => db().incident.findMany({ ...args, where: { AND: [args.where, live] }, select: incidentSelect }),
  accountOf: async (id) => (await db().incident.findFirst({ where: { id, ...live }, select: { accountId: true } }))?.accountId,
  shape: identity,
});

const structuralSelect = { id: true, accountId: true, kind: true, occurredAt: true, resolvedAt: true, note: true, size: true, subject: true, forced: true, createdAt: true, updatedAt: true } as const;

/** Structural events by when they happened. */
export const structuralEventList = itRecordList({
  label: "structural event",
  time: "occurredAt",
  find: (args) => db().structuralEvent.findMany({ ...args, where: { AND: [args.where, live] }, select: structuralSelect }),
  accountOf: async (id) => (await db().structuralEvent.findFirst({ where: { id, ...live }, select: { accountId: true } }))?.accountId,
  shape: identity,
});

const goalSelect = { id: true, accountId: true, title: true, measure: true, target: true, ownerName: true, agreedAt: true, reviewEveryDays: true, closedAt: true, createdAt: true, updatedAt: true } as const;

/** Goals by the day they were agreed. */
export const goalList = itRecordList({
  label: "goal",
  time: "agreedAt",
  find: (args) => db().goal.findMany({ ...args, where: { AND: [args.where, live] }, select: goalSelect }),
  accountOf: async (id) => (await db().goal.findFirst({ where: { id, ...live }, select: { accountId: true } }))?.accountId,
  shape: identity,
});

const reviewSelect = { id: true, goalId: true, reviewedAt: true, result: true, notes: true, createdAt: true, updatedAt: true, goal: { select: { accountId: true } } } as const;

/** Goal reviews by review day; a review has no account of its own: its live goal's. */
export const goalReviewList = itRecordList({
  label: "goal review",
  time: "reviewedAt",
  find: (args) => db().goalReview.findMany({ ...args, where: { AND: [args.where, live] }, select: reviewSelect }),
  scoped: (scope) => ({ goal: { ...scope, ...live } }),
  accountOf: async (id) => (await db().goalReview.findFirst({ where: { id, ...live, goal: live }, select: { goal: { select: { accountId: true } } } }))?.goal.accountId,
  shape: ({ goal, ...row }) => ({ ...row, accountId: goal.accountId }),
});

const badNewsSelect = { id: true, accountId: true, projectId: true, what: true, knownAt: true, toldAt: true, toldById: true, createdAt: true, updatedAt: true } as const;

/** Bad news by when IT knew it. */
export const badNewsList = itRecordList({
  label: "bad news",
  time: "knownAt",
  find: (args) => db().badNews.findMany({ ...args, where: { AND: [args.where, live] }, select: badNewsSelect }),
  accountOf: async (id) => (await db().badNews.findFirst({ where: { id, ...live }, select: { accountId: true } }))?.accountId,
  shape: identity,
});
