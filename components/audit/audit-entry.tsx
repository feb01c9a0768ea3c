import { LocalTime } from "@/components/ui/local-time";
import Link from "next/link";
import type { AuditEntry } from "@/lib/data/audit-log";
import { fieldLabel, valueText } from "@/components/history/change-value";

/** Long values (a whole note) are cut: the record's own history shows them whole. */
const MAX_CHARS = 300;
const auditValueText = (value: unknown) => {
  const text = valueText(value);
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text;
};

/** One audited change: who did what to which record, and each field before and after. */
export function AuditEntryItem({ entry }: { entry: AuditEntry }) {
  return (
    <li className="space-y-2 py-3 text-sm" data-testid="audit-entry">
      <p>
        <span className="font-medium">{entry.actor?.name ?? "Rapport"}</span> <code className="rounded bg-slate-100 px-1 text-xs">{entry.action}</code>{" "}
        {entry.historyHref ? (
          <Link className="underline" href={entry.historyHref}>
            {entry.entityType}
          </Link>
        ) : (
          entry.entityType
        )}
        {entry.account && (
          <>
            {" · "}
            <Link className="underline" href={`/accounts/${entry.account.id}`}>
              {entry.account.name}
            </Link>
          </>
        )}
        <span className="block text-xs text-slate-600"><LocalTime date={entry.at} /></span>
      </p>
      {entry.changes.length > 0 && (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-xs">
            <caption className="sr-only">
              Fields changed by {entry.action} at <LocalTime date={entry.at} />
            </caption>
            <thead>
              <tr className="text-slate-600">
                <th scope="col" className="py-1 pr-3 font-medium">
                  Field
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Before
                </th>
                <th scope="col" className="py-1 font-medium">
                  After
                </th>
              </tr>
            </thead>
            <tbody>
              {entry.changes.map((change) => (
                <tr key={change.field} className="border-t border-slate-100 align-top">
                  <th scope="row" className="py-1 pr-3 font-normal text-slate-700">
                    {fieldLabel(change.field)}
                  </th>
                  <td className="break-words py-1 pr-3">{"before" in change ? auditValueText(change.before) : <span className="text-slate-500">(new)</span>}</td>
                  <td className="break-words py-1">{"after" in change ? auditValueText(change.after) : <span className="text-slate-500">(removed)</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {entry.facts.length > 0 && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-xs">
          {entry.facts.map((fact) => (
            <div key={fact.key} className="contents">
              <dt className="text-slate-600">{fieldLabel(fact.key)}</dt>
              <dd className="break-words">{auditValueText(fact.value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}
