import { Button, ButtonLink } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";

export interface AuditFilterValues {
  actorId?: string;
  action?: string;
  accountId?: string;
  since?: string;
  until?: string;
}

interface Options {
  users: { id: string; name: string; role: string }[];
  actions: string[];
  accounts: { id: string; name: string }[];
}

/** "rating.created" and "rating" (every action on ratings). */
function actionOptions(actions: string[]) {
  const kinds = [...new Set(actions.map((action) => action.split(".")[0] as string))];
  return kinds.flatMap((kind) => [
    { value: kind, label: `${kind}: any` },
    ...actions.filter((action) => action.startsWith(`${kind}.`)).map((action) => ({ value: action, label: action })),
  ]);
}

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and shared. */
export function AuditFilters({ values, options, exportHref }: { values: AuditFilterValues; options: Options; exportHref: string }) {
  const field = "flex flex-col gap-1 text-sm font-medium text-slate-700";
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5" aria-label="Filter the audit log">
      <label className={field}>
        Who
        <NativeSelect name="actorId" defaultValue={values.actorId ?? ""} placeholder="Anyone" options={options.users.map((u) => ({ value: u.id, label: u.name }))} />
      </label>
      <label className={field}>
        What
        <NativeSelect name="action" defaultValue={values.action ?? ""} placeholder="Any action" options={actionOptions(options.actions)} />
      </label>
      <label className={field}>
        Account
        <NativeSelect name="accountId" defaultValue={values.accountId ?? ""} placeholder="Any account" options={options.accounts.map((a) => ({ value: a.id, label: a.name }))} />
      </label>
      <label className={field}>
        From
        <Input type="date" name="since" defaultValue={values.since ?? ""} />
      </label>
      <label className={field}>
        To
        <Input type="date" name="until" defaultValue={values.until ?? ""} />
      </label>
      <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-5">
        <Button type="submit">Show</Button>
        <ButtonLink href="/admin/audit" variant="secondary">
          Clear filters
        </ButtonLink>
        <ButtonLink href={exportHref} variant="secondary" prefetch={false}>
          Download CSV
        </ButtonLink>
      </div>
    </form>
  );
}
