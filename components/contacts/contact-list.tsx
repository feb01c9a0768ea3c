import type { ReactNode } from "react";
import { HistoryLink } from "@/components/history/history-link";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { ContactView } from "@/lib/data/contacts";
import type { Actor } from "@/lib/data/permissions";
import { formatDate } from "@/lib/format";
import { CONTACT_ROLE_LABELS, LEVEL_LABELS } from "@/lib/validation/contact";
import { ContactForm } from "./contact-form";
import { ContactStatus } from "./contact-status";

interface Props {
  actor: Actor;
  contacts: ContactView[];
  sponsorId: string | null;
  today: string;
  actions: { update: FormActionFn; markLeft: FormActionFn; markActive: FormActionFn };
}

/** The people at the unit, active first: their part, influence and interest, and when IT last met them. */
export function ContactList({ actor, contacts, sponsorId, today, actions }: Props) {
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {contacts.map((contact) => (
        <li key={contact.id} className={`space-y-3 p-4 ${contact.leftAt ? "bg-slate-50" : ""}`}>
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div>
              <p className="font-medium">
                {contact.name}
                {contact.title && <span className="font-normal text-slate-600">, {contact.title}</span>}
                {contact.id === sponsorId && <span className="ml-2 rounded bg-blue-100 px-1.5 py-0.5 text-xs font-medium text-blue-900">Executive sponsor</span>}
                {contact.leftAt && <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-700">Left {formatDate(contact.leftAt)}</span>}
              </p>
              <p className="text-sm text-slate-600">
                {contact.email && (
                  <a href={`mailto:${contact.email}`} className="text-blue-800 underline">
                    {contact.email}
                  </a>
                )}
                {contact.email && contact.phone && " · "}
                {contact.phone && (
                  <a href={`tel:${contact.phone.replace(/[^+\d]/g, "")}`} className="text-blue-800 underline">
                    {contact.phone}
                  </a>
                )}
              </p>
            </div>
            <div className="flex items-center gap-3">
              <HistoryLink actor={actor} entityType="Contact" entityId={contact.id} label={contact.name} />
              <ContactStatus contact={contact} today={today} markLeft={actions.markLeft} markActive={actions.markActive} />
            </div>
          </div>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
            <Fact term="Part">{CONTACT_ROLE_LABELS[contact.role]}</Fact>
            <Fact term="Influence">{LEVEL_LABELS[contact.influence]}</Fact>
            <Fact term="Interest">{LEVEL_LABELS[contact.interest]}</Fact>
            <Fact term="Last met">
              {contact.lastMetAt ? formatDate(contact.lastMetAt) : <span className="text-amber-800">Not met yet</span>}
            </Fact>
          </dl>
          <details>
            <summary className="cursor-pointer text-sm text-blue-800 underline">
              Edit<span className="sr-only"> {contact.name}</span>
            </summary>
            <div className="mt-3">
              <ContactForm contact={contact} action={actions.update} />
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
