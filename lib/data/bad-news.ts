import "server-only";
import { db } from "../db/client";
import { defaultConfig } from "../scoring";
import { openAccount } from "./accounts";
import { type Actor, canLogInteraction } from "./permissions";

// Reads for the account's Bad news section (IT only: a client or another manager gets 404).

const DAY_MS = 86_400_000;

/** Told later than this is late for the diagnosis too (docs/scoring.md, bad news). */
export const BAD_NEWS_LATE_AFTER_DAYS = defaultConfig.rules.badNews.lateAfterDays;

/**
 * How long the client waited: days from IT knowing to the client being told, or, not told yet,
 * days since IT knew. Late beyond the diagnosis' limit.
 */
export function toldDelay(knownAt: Date, toldAt: Date | null, now: Date): { told: boolean; days: number; late: boolean } {
  const until = toldAt && toldAt <= now ? toldAt : now;
  const days = Math.max(0, Math.floor((until.getTime() - knownAt.getTime()) / DAY_MS));
  return { told: until === toldAt, days, late: days > BAD_NEWS_LATE_AFTER_DAYS };
}

/** The account's bad news (latest known first, with how long the client waited), and the choices of its form. */
export async function getBadNews(actor: Actor, accountId: string, now = new Date()) {
  await openAccount(actor, accountId, canLogInteraction);
  const [news, projects, itPeople] = await Promise.all([
    db().badNews.findMany({
      where: { accountId, deletedAt: null },
      orderBy: [{ knownAt: "desc" }, { createdAt: "desc" }],
      select: {
        id: true,
        what: true,
        projectId: true,
        knownAt: true,
        toldAt: true,
        toldById: true,
        project: { select: { name: true, deletedAt: true } },
        toldBy: { select: { name: true } },
      },
    }),
    db().project.findMany({ where: { accountId, deletedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().user.findMany({ where: { role: { not: "CLIENT" } }, orderBy: { name: "asc" }, select: { id: true, name: true, deactivatedAt: true } }),
  ]);
  return {
    news: news.map(({ project, ...item }) => ({
      ...item,
      // A deleted project is no longer named: its bad news stays, about no project.
      project: project && !project.deletedAt ? { name: project.name } : null,
      delay: toldDelay(item.knownAt, item.toldAt, now),
    })),
    projects,
    itPeople: itPeople.map(({ id, name, deactivatedAt }) => ({ id, name: deactivatedAt ? `${name} (deactivated)` : name })),
  };
}

export type BadNewsPage = Awaited<ReturnType<typeof getBadNews>>;
