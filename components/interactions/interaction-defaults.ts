import type { InteractionForEdit } from "@/lib/data/interactions";
import { formatDate } from "@/lib/format";
import { whatHappenedOf } from "@/lib/validation/interaction";
import { dateInputValue } from "@/lib/validation/record-form";

const yesNo = (value: boolean | null) => (value === null ? "" : value ? "yes" : "no");

/**
 * A stored interaction as its correction form's starting values (form strings, so the page can
 * hand them to the browser). A stored pair no choice makes (none should exist) starts as "Held",
 * so the person correcting it sees and chooses again.
 */
export function interactionEditDefaults(interaction: InteractionForEdit) {
  return {
    defaultValue: {
      interactionId: interaction.id,
      type: interaction.type,
      summary: interaction.summary,
      topic: interaction.topic,
      notes: interaction.notes,
      sentiment: interaction.sentiment,
      itOnTime: yesNo(interaction.itOnTime),
      itPrepared: yesNo(interaction.itPrepared),
      whatHappened: whatHappenedOf(interaction.outcome, interaction.cancelledBy) ?? "HELD",
      attendeeContactIds: interaction.attendees.flatMap((a) => (a.contactId ? [a.contactId] : [])),
      attendeeUserIds: interaction.attendees.flatMap((a) => (a.userId ? [a.userId] : [])),
      quotes: interaction.quotes.map(({ id, side, text }) => ({ id, side, text })),
      followUps: interaction.followUps.map(({ id, description, owedBy, dueDate }) => ({ id, description, owedBy, dueDate: dateInputValue(dueDate) })),
    },
    storedOccurredAt: interaction.occurredAt.toISOString(),
    doneFollowUps: Object.fromEntries(interaction.followUps.flatMap((f) => (f.doneAt ? [[f.id, formatDate(f.doneAt)]] : []))),
  };
}

export type InteractionEditDefaults = ReturnType<typeof interactionEditDefaults>;
