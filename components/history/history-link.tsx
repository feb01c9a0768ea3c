import { cn } from "@/components/ui/cn";
import { type Actor, seesChangeHistory } from "@/lib/data/permissions";
import { historyPath, type RecordType } from "@/lib/validation/history";

interface Props {
  /** The viewer: the link shows for the CIO and admins only, who may open the history. */
  actor: Actor;
  entityType: RecordType;
  entityId: string;
  /** What the record is, for screen readers: "the meeting of 3 Mar 2026". */
  label: string;
  className?: string;
}

/**
 * A record's change history (who changed what, when, before and after), beside the record. A plain
 * anchor, not next/link: lists show one per record (40 on an account page), each a client
 * component to render, hydrate and prefetch otherwise, for a page opened now and then.
 */
export function HistoryLink({ actor, entityType, entityId, label, className }: Props) {
  if (!seesChangeHistory(actor)) return null;
  return (
    <a href={historyPath(entityType, entityId)} className={cn("record-link", className)} aria-label={`Change history of ${label}`}>
      History
    </a>
  );
}
