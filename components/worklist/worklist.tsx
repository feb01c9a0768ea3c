import type { CompleteFollowUpAction } from "@/components/accounts/complete-follow-up-button";
import { EmptyState } from "@/components/ui/card";
import type { Worklist as WorklistData } from "@/lib/data/worklist";
import { ActionsSection, GoalReviewsSection, InvitationsSection } from "./commitment-sections";
import { ContactsNotMetSection, MeetingsDueSection } from "./contact-sections";
import { ClientOwesSection, ItOwesSection } from "./follow-up-sections";

/** How many things are late across the list: the sentence under the heading. */
function lateCount(list: WorklistData): number {
  return [...list.itOwes.items, ...list.clientOwes.items, ...list.meetingsDue, ...list.goalReviewsDue, ...list.actions.items].filter((item) => item.overdue).length;
}

/**
 * A relationship manager's work across their units: what they owe first, then whom to chase and
 * meet. One column at phone width, two from large screens.
 */
export function Worklist({ list, completeFollowUp }: { list: WorklistData; completeFollowUp: CompleteFollowUpAction }) {
  if (list.units.length === 0 && list.actions.total === 0) {
    return (
      <EmptyState title="No business unit is yours yet">
        Your worklist gathers the follow-ups, meetings, contacts, goal reviews and rating requests of the units you manage. The CIO assigns each unit&apos;s
        relationship manager in its settings; meanwhile the portfolio shows every unit.
      </EmptyState>
    );
  }
  const late = lateCount(list);
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        {list.units.length > 0 ? `Your units: ${list.units.map((unit) => unit.name).join(", ")}. ` : "You manage no unit; these are the actions assigned to you. "}
        {late > 0 ? `${late} item${late === 1 ? " is" : "s are"} overdue.` : "Nothing is overdue."}
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <ItOwesSection section={list.itOwes} completeFollowUp={completeFollowUp} />
        <ActionsSection section={list.actions} />
        <ClientOwesSection section={list.clientOwes} />
        <MeetingsDueSection meetings={list.meetingsDue} units={list.units} />
        <ContactsNotMetSection section={list.contactsNotMet} />
        <GoalReviewsSection goals={list.goalReviewsDue} />
        <InvitationsSection section={list.invitations} />
      </div>
    </div>
  );
}
