import Link from "next/link";
import type { Level } from "@/lib/generated/prisma/enums";
import type { Stakeholder } from "@/lib/data/stakeholders";
import { CONTACT_ROLE_LABELS, LEVEL_LABELS, LEVELS } from "@/lib/validation/contact";
import { TwoWayGrid } from "@/components/maturity/two-way-grid";

/** What to do with each corner of the grid (the usual power × interest advice). */
const ADVICE: Partial<Record<`${Level}-${Level}`, string>> = {
  "HIGH-HIGH": "Manage closely",
  "HIGH-LOW": "Keep satisfied",
  "LOW-HIGH": "Keep informed",
  "LOW-LOW": "Monitor",
};

const metText = (person: Stakeholder) => (person.daysSinceMet === null ? "never met" : `met ${person.daysSinceMet} days ago`);

function Person({ person }: { person: Stakeholder }) {
  return (
    <li
      className={`rounded-md border px-2 py-1 text-xs ${person.flagged ? "border-red-300 bg-red-50 text-red-900" : "border-slate-200 bg-white"}`}
      data-flagged={person.flagged || undefined}
    >
      <span className="font-medium">{person.name}</span>
      <span className="block text-slate-600">
        {[person.title, CONTACT_ROLE_LABELS[person.role]].filter(Boolean).join(" · ")} · {metText(person)}
      </span>
      {person.flagged && <span className="sr-only"> (influential, not met in a long while)</span>}
    </li>
  );
}

/**
 * Influence (up) × interest (across), three levels each, every active contact in their cell;
 * influential people IT has not met for `notMetDays` are flagged red and listed in words.
 */
export function StakeholderMap({ accountId, stakeholders, notMetDays }: { accountId: string; stakeholders: Stakeholder[]; notMetDays: number }) {
  const flagged = stakeholders.filter((person) => person.flagged);
  return (
    <div className="space-y-4">
      {flagged.length > 0 ? (
        <p className="text-sm font-medium text-red-800" role="note">
          Influential and not met for {notMetDays} days or more: {flagged.map((person) => `${person.name} (${metText(person)})`).join(", ")}.{" "}
          <Link href={`/accounts/${accountId}/interactions/new`} className="underline">
            Log a meeting
          </Link>{" "}
          once you have seen them.
        </p>
      ) : (
        <p className="text-sm text-slate-700">IT has met every influential contact in the last {notMetDays} days.</p>
      )}
      <TwoWayGrid
        caption="Contacts by influence (rows) and interest (columns)"
        corner="Influence \ interest"
        rows={[...LEVELS].reverse().map((influence) => ({ key: influence, header: `${LEVEL_LABELS[influence]} influence` }))}
        columns={LEVELS.map((interest) => ({ key: interest, header: `${LEVEL_LABELS[interest]} interest` }))}
        cell={(influence, interest) => {
          const here = stakeholders.filter((person) => person.influence === influence && person.interest === interest);
          const advice = ADVICE[`${influence}-${interest}`];
          return (
            <>
              {advice && <p className="mb-1 text-[11px] uppercase tracking-wide text-slate-400">{advice}</p>}
              {here.length > 0 && (
                <ul className="space-y-1">
                  {here.map((person) => (
                    <Person key={person.id} person={person} />
                  ))}
                </ul>
              )}
            </>
          );
        }}
        minWidthClass="min-w-[36rem]"
        cornerWidthClass="w-28"
        rowHeaderClass="text-xs font-medium text-slate-600"
        columnHeaderClass="text-slate-600"
      />
    </div>
  );
}
