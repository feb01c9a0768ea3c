import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { type AssignedAction, DUE_SOON_DAYS, type GoalReviewDue, type Section, type UnansweredInvitation } from "@/lib/data/worklist";
import { formatDate } from "@/lib/format";
import { DueText, UnitLink, WorklistSection } from "./worklist-section";

/** Agreed goals whose review with the business is overdue or due within the week (article 002). */
export function GoalReviewsSection({ goals }: { goals: GoalReviewDue[] }) {
  return (
    <WorklistSection
      title="Goal reviews due"
      items={goals}
      overdue={goals.filter((goal) => goal.overdue).length}
      empty={{ title: `No goal review due in the next ${DUE_SOON_DAYS} days`, next: "Review each agreed goal with the business on its schedule; record the review on the unit's Goals tab." }}
    >
      {(goal) => (
        <>
          <span className="min-w-0">
            <Link href={`/accounts/${goal.accountId}/goals#record-${goal.id}`} className="font-medium text-blue-800 underline">
              Review ‘{goal.title}’
            </Link>{" "}
            <UnitLink id={goal.accountId} name={goal.accountName} />
          </span>
          <DueText overdue={goal.overdue}>{formatDate(goal.dueOn)}</DueText>
        </>
      )}
    </WorklistSection>
  );
}

/** Contacts asked to rate who have not answered while their link still works: a nudge from their manager helps. */
export function InvitationsSection({ section }: { section: Section<UnansweredInvitation> }) {
  return (
    <WorklistSection
      title="Rating requests unanswered"
      items={section.items}
      total={section.total}
      empty={{ title: "No request waiting", next: "Everyone asked in an open campaign has answered (anonymous campaigns are not listed). Ask for a rating from a unit's page." }}
    >
      {(invitation) => (
        <>
          <span className="min-w-0">
            {invitation.contactEmail ? (
              <a href={`mailto:${invitation.contactEmail}`} className="font-medium text-blue-800 underline">
                {invitation.contactName}
              </a>
            ) : (
              <span className="font-medium">{invitation.contactName}</span>
            )}{" "}
            <UnitLink id={invitation.accountId} name={invitation.accountName} />{" "}
            <Link href={`/campaigns/${invitation.campaignId}`} className="text-xs text-blue-800 underline">
              {invitation.campaignName}
            </Link>
          </span>
          <span className="text-slate-600">
            {invitation.remindersSent > 0 && `${invitation.remindersSent} reminder${invitation.remindersSent === 1 ? "" : "s"} sent · `}link lapses <LocalTime date={invitation.lapsesAt} />
          </span>
        </>
      )}
    </WorklistSection>
  );
}

/** Actions the caller owns (a treatment turned into a commitment), overdue first. */
export function ActionsSection({ section }: { section: Section<AssignedAction> }) {
  return (
    <WorklistSection
      title="Actions assigned to you"
      items={section.items}
      total={section.total}
      overdue={section.items.filter((action) => action.overdue).length}
      empty={{ title: "No open action is yours", next: "Turn a unit's prescribed treatment into an action from its Action plan tab, with an owner and a due date." }}
    >
      {(action) => (
        <>
          <span className="min-w-0">
            <Link href={`/accounts/${action.accountId}/actions#record-${action.id}`} className="font-medium text-blue-800 underline">
              {action.title}
            </Link>{" "}
            <UnitLink id={action.accountId} name={action.accountName} />
          </span>
          <DueText overdue={action.overdue}>{formatDate(action.dueDate)}</DueText>
        </>
      )}
    </WorklistSection>
  );
}
