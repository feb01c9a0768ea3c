import { Card, EmptyState } from "@/components/ui/card";
import type { Actor } from "@/lib/data/permissions";
import { getStakeholderMap } from "@/lib/data/stakeholders";
import { StakeholderMap } from "./stakeholder-map";

/** The unit's stakeholder map, or what to do when it has no active contacts. */
export async function StakeholderMapCard({ actor, accountId }: { actor: Actor; accountId: string }) {
  const { stakeholders, notMetDays } = await getStakeholderMap(actor, accountId);
  return (
    <Card title="Stakeholder map">
      {stakeholders.length === 0 ? (
        <EmptyState title="No active contacts">Add the unit&apos;s people on the Contacts tab, with their influence and interest: they are then placed here.</EmptyState>
      ) : (
        <StakeholderMap accountId={accountId} stakeholders={stakeholders} notMetDays={notMetDays} />
      )}
    </Card>
  );
}
