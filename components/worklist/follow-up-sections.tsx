import Link from "next/link";
import { CompleteFollowUpButton, type CompleteFollowUpAction } from "@/components/accounts/complete-follow-up-button";
import type { FollowUpItem, Section } from "@/lib/data/worklist";
import { formatDate } from "@/lib/format";
import { DueText, UnitLink, WorklistSection } from "./worklist-section";

const overdueCount = (items: FollowUpItem[]) => items.filter((item) => item.overdue).length;

function FollowUpLine({ item }: { item: FollowUpItem }) {
  return (
    <span className="min-w-0">
      <Link href={`/accounts/${item.accountId}/record/${item.id}`} className="font-medium text-blue-800 underline">
        {item.description}
      </Link>{" "}
      <UnitLink id={item.accountId} name={item.accountName} />
    </span>
  );
}

/** What IT promised and has not done, overdue first; each can be marked done here. */
export function ItOwesSection({ section, completeFollowUp }: { section: Section<FollowUpItem>; completeFollowUp: CompleteFollowUpAction }) {
  return (
    <WorklistSection
      title="Follow-ups you owe"
      items={section.items}
      total={section.total}
      overdue={overdueCount(section.items)}
      empty={{ title: "Nothing owed", next: "Every follow-up IT promised is done. After your next meeting, log what IT promised as follow-ups owed by IT." }}
    >
      {(item) => (
        <>
          <FollowUpLine item={item} />
          <span>
            <DueText overdue={item.overdue}>{formatDate(item.dueDate)}</DueText>
            <CompleteFollowUpButton followUpId={item.id} description={item.description} action={completeFollowUp} place="worklist" />
          </span>
        </>
      )}
    </WorklistSection>
  );
}

/** What the client owes IT: in a client relationship it is IT that chases (article 000). */
export function ClientOwesSection({ section }: { section: Section<FollowUpItem> }) {
  return (
    <WorklistSection
      title="Waiting on the client: chase them"
      items={section.items}
      total={section.total}
      overdue={overdueCount(section.items)}
      empty={{ title: "Nothing to chase", next: "No client owes IT an answer. When one does, log it as a follow-up owed by the business, and it will be listed here to chase." }}
    >
      {(item) => (
        <>
          <FollowUpLine item={item} />
          <span>
            <DueText overdue={item.overdue}>{formatDate(item.dueDate)}</DueText>
            <Link href={`/accounts/${item.accountId}/interactions/new?chase=${item.id}`} className="ml-2 text-xs text-blue-800 underline" aria-label={`Log the chase with ${item.accountName}: ${item.description}`}>
              Log the chase
            </Link>
          </span>
        </>
      )}
    </WorklistSection>
  );
}
