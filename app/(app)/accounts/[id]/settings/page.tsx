import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccountDetailsForm } from "@/components/account-admin/account-details-form";
import { ArchiveControl } from "@/components/account-admin/archive-control";
import { CoreSystemList } from "@/components/account-admin/core-system-list";
import { ManagerForm } from "@/components/account-admin/manager-form";
import { OwnershipHistory } from "@/components/account-admin/ownership-history";
import { Card } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { getAccountSettings, getOwnershipHistory, listManagerChoices } from "@/lib/data/account-admin";
import { listCoreSystems } from "@/lib/data/core-systems";
import { managesAccounts } from "@/lib/data/permissions";
import { notFoundOnMissing } from "@/lib/http/not-found";
import {
  addCoreSystemAction,
  archiveAccountAction,
  assignManagerAction,
  deleteCoreSystemAction,
  editCoreSystemAction,
  unarchiveAccountAction,
  updateAccountAction,
} from "./actions";

export const metadata: Metadata = { title: "Unit settings" };

/** The CIO's and admins' page for a unit: its details, core systems, owner and archiving. */
export default async function AccountSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActorOrRedirect();
  if (!managesAccounts(actor)) notFound();
  const [{ account, sponsorChoices }, systems, managers, ownership] = await notFoundOnMissing(
    Promise.all([getAccountSettings(actor, id), listCoreSystems(actor, id), listManagerChoices(actor), getOwnershipHistory(actor, id)]),
  );
  const current = account.relationshipManager;

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title="Unit details">
        <AccountDetailsForm account={account} sponsorChoices={sponsorChoices} action={updateAccountAction} />
      </Card>
      <div className="space-y-6">
        <Card title="Relationship manager">
          <div className="space-y-4">
            <p className="text-sm text-slate-600">
              One person accountable for the relationship.{" "}
              {current ? (
                <>
                  Currently <strong>{current.name}</strong>
                  {current.deactivatedAt && <strong className="text-amber-800"> (deactivated: assign someone else)</strong>}.
                </>
              ) : (
                <strong className="text-amber-800">Nobody is accountable for it now.</strong>
              )}
            </p>
            <ManagerForm accountId={account.id} managerId={account.relationshipManagerId} managers={managers} action={assignManagerAction} />
            <OwnershipHistory rows={ownership} />
          </div>
        </Card>
        <Card title="Core systems">
          <CoreSystemList
            actor={actor}
            accountId={account.id}
            systems={systems}
            actions={{ create: addCoreSystemAction, update: editCoreSystemAction, remove: deleteCoreSystemAction }}
          />
        </Card>
        <Card title={account.archivedAt ? "Archived" : "Archive"}>
          <ArchiveControl account={account} archive={archiveAccountAction} unarchive={unarchiveAccountAction} />
        </Card>
      </div>
    </div>
  );
}
