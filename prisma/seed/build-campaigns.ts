import { formatDate } from "../../lib/format";
import { DAY } from "./build-rows";
import { buildRating } from "./factories";
import type { Random } from "./random";
import type { Rows } from "./rows";
import type { AccountStory } from "./story";
import type { StoryCampaign } from "./story-schema";

// Rating campaigns by email (story.json's `campaigns`): each round a campaign row (a recurring
// series linked round to round), per unit who was asked, each invitation's outcome (answered with
// its rating and scorecard, left unanswered after its reminders, skipped with the reason the
// campaign page shows, an email that failed), and the outbox rows the development mailbox shows.
// Times follow what the app does: the email goes out minutes after the round opens, reminders
// every `reminderEveryDays` while the round is open, an anonymous answer keeps only its day.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const RECONTACT_DAYS = 30;
const FAILED_ATTEMPTS = 5;

const startOfDay = (t: Date) => new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));

export interface CampaignContext {
  rows: Rows;
  now: Date;
  units: readonly AccountStory[];
  campaigns: readonly StoryCampaign[];
  staffId(key: string): string;
  random: Random;
}

export function addCampaigns({ rows, now, units, campaigns, staffId, random }: CampaignContext): void {
  const accountIdOf = new Map(rows.accounts.map((a) => [a.name, a.id]));
  const unitAccount = (key: string) => accountIdOf.get(units.find((u) => u.key === key)!.name)!;
  const contact = (accountId: string, name: string) => rows.contacts.find((c) => c.accountId === accountId && c.name === name)!;
  const system = (accountId: string, unit: AccountStory, key: string) =>
    rows.coreSystems.find((s) => s.accountId === accountId && s.name === unit.coreSystems.find((c) => c.key === key)!.name)!.id!;
  // A past day's time is never after now; a closing date may lie ahead.
  const at = (daysAgo: number) => new Date(daysAgo < 0 ? now.getTime() - daysAgo * DAY - 2 * HOUR : Math.min(now.getTime() - HOUR, now.getTime() - daysAgo * DAY - 2 * HOUR));
  const campaignName = new Map<string, string>();
  const opened: { c: StoryCampaign; round: StoryCampaign["rounds"][number]; id: string; name: string; opensAt: Date; closesAt: Date }[] = [];
  const subject = (accountName: string, name: string, reminder: boolean) => `${reminder ? "Reminder: " : ""}How is IT doing for ${accountName}? ${name}`;

  for (const c of campaigns) {
    let previousId: string | null = null;
    c.rounds.forEach((round, n) => {
      const id = random.id();
      const opensAt = at(round.opensDaysAgo);
      const closesAt = at(round.closesDaysAgo);
      const status = opensAt > now ? "SCHEDULED" : closesAt <= now ? "CLOSED" : "OPEN";
      const name = c.recurrence === "NONE" ? c.name : `${c.name}, round ${n + 1}`;
      campaignName.set(id, name);
      rows.campaigns.push({
        id,
        name,
        message: c.message,
        status,
        opensAt,
        closesAt,
        recurrence: c.recurrence,
        previousId,
        anonymous: c.anonymous,
        minGroupSize: c.minGroupSize,
        askScorecard: c.askScorecard,
        linkValidDays: c.linkValidDays,
        reminderEveryDays: c.reminderEveryDays,
        maxReminders: c.maxReminders,
        createdById: staffId(c.by),
        createdAt: new Date(opensAt.getTime() - 7 * DAY > now.getTime() ? now.getTime() : opensAt.getTime() - 7 * DAY),
        openedAt: status === "SCHEDULED" ? null : opensAt,
        closedAt: status === "CLOSED" ? closesAt : null,
      });
      previousId = id;
      opened.push({ c, round, id, name, opensAt, closesAt });
    });
  }

  // Who was asked, round by round in time order across campaigns (the recontact window looks back).
  opened.sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime());
  for (const { c, round, id, name, opensAt, closesAt } of opened) {
    {
      for (const { unit: key, invitations } of round.accounts) {
        const unit = units.find((u) => u.key === key)!;
        const accountId = unitAccount(key);
        rows.campaignAccounts.push({ campaignId: id, accountId, contactIds: [] });
        for (const inv of invitations) {
          const person = contact(accountId, inv.contact);
          const invitationId = random.id();
          const tokenSalt = random.uuid().replaceAll("-", "");
          const sentAt = inv.skipped || inv.failed ? null : new Date(opensAt.getTime() + 3 * MINUTE);
          let skippedReason: string | null = null;
          if (inv.skipped === "unsubscribed") skippedReason = `Unsubscribed on ${formatDate(person.unsubscribedAt as Date)}: never emailed again`;
          if (inv.skipped === "recontact") skippedReason = recontactReason(rows, person.id!, opensAt, campaignName);
          let answeredAt: Date | null = null;
          let ratingId: string | null = null;
          if (inv.answered && sentAt) {
            const given = new Date(sentAt.getTime() + inv.answered.afterDays * DAY + 3 * HOUR);
            if (given > now || given > closesAt) throw new Error(`Seed campaign ${c.key}: ${inv.contact} answers after ${given > now ? "now" : "the round closed"}`);
            // Anonymous: only the day is kept, and the rating's id is random (no order to match against the invitations).
            answeredAt = c.anonymous ? startOfDay(given) : given;
            const rating = buildRating({
              id: c.anonymous ? random.uuid() : random.id(),
              accountId,
              source: "INVITATION",
              userId: null,
              contactId: c.anonymous ? null : person.id!,
              campaignId: id,
              overall: inv.answered.overall,
              recommend: inv.answered.recommend,
              comment: inv.answered.comment,
              idempotencyKey: random.uuid(),
              createdAt: answeredAt,
            });
            rows.ratings.push(rating);
            if (!c.anonymous) ratingId = rating.id;
            for (const [systemKey, [importance, satisfaction]] of Object.entries(inv.answered.scores)) {
              rows.serviceScores.push({ id: random.id(), ratingId: rating.id, coreSystemId: system(accountId, unit, systemKey), importance, satisfaction });
            }
          }
          // Reminders while the round was open, to those who had not answered yet.
          const reminders: Date[] = [];
          if (sentAt) {
            for (let k = 1; k <= c.maxReminders; k++) {
              const t = new Date(sentAt.getTime() + k * c.reminderEveryDays * DAY);
              if (t >= closesAt || t > now || (answeredAt && answeredAt <= t)) break;
              reminders.push(t);
            }
          }
          rows.invitations.push({
            id: invitationId,
            campaignId: id,
            accountId,
            contactId: person.id!,
            tokenSalt,
            skippedReason,
            sentAt,
            expiresAt: sentAt ? new Date(sentAt.getTime() + c.linkValidDays * DAY) : null,
            answeredAt,
            ratingId,
            remindersSent: reminders.length,
            lastRemindedAt: reminders.at(-1) ?? null,
            createdAt: opensAt,
          });
          if (skippedReason) continue;
          const email = { invitationId, toAddress: person.email!, toName: person.name!, createdAt: opensAt };
          if (inv.failed) {
            rows.emailMessages.push({
              ...email,
              id: random.id(),
              kind: "INVITATION",
              subject: subject(unit.name, name, false),
              status: "FAILED",
              transport: "smtp",
              attempts: FAILED_ATTEMPTS,
              nextAttemptAt: new Date(opensAt.getTime() + 2 * HOUR),
              lastError: inv.failed,
            });
            continue;
          }
          rows.emailMessages.push({ ...email, id: random.id(), kind: "INVITATION", subject: subject(unit.name, name, false), status: "SENT", transport: "mailbox", attempts: 1, sentAt, nextAttemptAt: opensAt, messageId: `<${invitationId}@mailbox.rapport.example>` });
          for (const t of reminders) {
            rows.emailMessages.push({ ...email, id: random.id(), kind: "REMINDER", subject: subject(unit.name, name, true), status: "SENT", transport: "mailbox", attempts: 1, sentAt: t, nextAttemptAt: t, createdAt: t, messageId: `<${invitationId}.${t.getTime()}@mailbox.rapport.example>` });
          }
        }
      }
    }
  }
}

/** What the campaign page says of a contact asked or answering within the recontact window before `opensAt`. */
function recontactReason(rows: Rows, contactId: string, opensAt: Date, names: Map<string, string>): string {
  const since = opensAt.getTime() - RECONTACT_DAYS * DAY;
  let latest: { at: Date; text: string } | undefined;
  for (const i of rows.invitations) {
    if (i.contactId !== contactId || i.skippedReason !== null || !i.sentAt) continue;
    const answered = i.answeredAt ? new Date(i.answeredAt) : null;
    const sent = new Date(i.sentAt);
    const [when, text] = answered && answered.getTime() >= since ? [answered, `Answered “${names.get(i.campaignId)}” on ${formatDate(answered)}`] : [sent, `Asked in “${names.get(i.campaignId)}” on ${formatDate(sent)}`];
    if (when.getTime() >= since && when <= opensAt && (!latest || latest.at < when)) latest = { at: when, text };
  }
  if (!latest) throw new Error(`Seed campaigns: a contact skipped for the recontact window was not asked in the ${RECONTACT_DAYS} days before`);
  return `${latest.text}, within the ${RECONTACT_DAYS}-day recontact window`;
}
