import { Badge } from "@/components/ui/badge";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";

const TONE = { SCHEDULED: "info", OPEN: "success", CLOSED: "neutral", CANCELLED: "warning" } as const;
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = { SCHEDULED: "Scheduled", OPEN: "Open", CLOSED: "Closed", CANCELLED: "Cancelled" };

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return <Badge tone={TONE[status]}>{CAMPAIGN_STATUS_LABELS[status]}</Badge>;
}

/** "67% (4 of 6)", or a dash when nobody was asked yet. */
export function ResponseRate({ rate, answered, invited }: { rate: number | null; answered: number; invited: number }) {
  if (rate === null) return <span className="text-slate-500">—</span>;
  return (
    <span>
      {rate}% <span className="text-slate-500">({answered} of {invited})</span>
    </span>
  );
}
