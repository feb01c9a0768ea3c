"use client";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { FormActionFn } from "@/lib/actions/form-action";
import { formatDate } from "@/lib/format";

interface Props {
  account: { id: string; name: string; archivedAt: Date | null };
  archive: FormActionFn;
  unarchive: FormActionFn;
}

/** Archiving asks first; bringing a unit back is harmless, so it does not. */
export function ArchiveControl({ account, archive, unarchive }: Props) {
  return account.archivedAt ? <Unarchive account={account} action={unarchive} /> : <Archive account={account} action={archive} />;
}

function Archive({ account, action }: { account: Props["account"]; action: FormActionFn }) {
  const actionForm = useActionForm(action, undefined, { id: "archive-account" });
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        An archived unit leaves the portfolio and its charts. Everything recorded about it stays, and IT can still open it here.
      </p>
      <ConfirmDialog
        actionForm={actionForm}
        trigger={<Button variant="danger">Archive {account.name}</Button>}
        title={`Archive ${account.name}?`}
        description="It leaves the portfolio. Its history, contacts and records are kept, and you can bring it back from this page at any time."
        confirmLabel="Archive unit"
        pendingLabel="Archiving…"
      >
        <input type="hidden" name="accountId" value={account.id} />
      </ConfirmDialog>
    </div>
  );
}

function Unarchive({ account, action }: { account: Props["account"]; action: FormActionFn }) {
  const { form, formProps, pending, lastResult } = useActionForm(action, undefined, { id: "unarchive-account" });
  return (
    <form {...formProps} className="space-y-3">
      <input type="hidden" name="accountId" value={account.id} />
      <p className="text-sm text-slate-600">Archived on {formatDate(account.archivedAt as Date)}: not on the portfolio.</p>
      <SubmitButton pending={pending} pendingLabel="Restoring…" variant="secondary">
        Return {account.name} to the portfolio
      </SubmitButton>
      <FormStatus form={form} lastResult={lastResult} />
    </form>
  );
}
