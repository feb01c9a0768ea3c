import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { type ContactNotMet, DUE_SOON_DAYS, type MeetingDue, NOT_MET_DAYS, type Section, type Worklist } from "@/lib/data/worklist";
import { formatDate, humanize } from "@/lib/format";
import { DueText, UnitLink, WorklistSection } from "./worklist-section";

/** Units due a meeting by their agreed cadence, late ones first; and which units have none agreed. */
export function MeetingsDueSection({ meetings, units }: { meetings: MeetingDue[]; units: Worklist["units"] }) {
  const withoutCadence = units.filter((unit) => unit.meetingCadenceDays === null);
  return (
    <WorklistSection
      title="Meetings due"
      items={meetings.map((meeting) => ({ ...meeting, id: meeting.accountId }))}
      overdue={meetings.filter((meeting) => meeting.overdue).length}
      empty={{
        title: `No meeting due in the next ${DUE_SOON_DAYS} days`,
        next:
          withoutCadence.length > 0
            ? `${withoutCadence.map((unit) => unit.name).join(", ")}: no meeting rhythm agreed yet. Agree one with the business; the CIO records it in the unit's settings.`
            : "Every unit has met IT as often as agreed.",
      }}
    >
      {(meeting) => (
        <>
          <span className="min-w-0">
            <Link href={`/accounts/${meeting.accountId}/interactions/new`} className="font-medium text-blue-800 underline" aria-label={`Log a meeting with ${meeting.accountName}`}>
              Meet {meeting.accountName}
            </Link>{" "}
            <span className="text-xs text-slate-500">
              every {meeting.cadenceDays} days; {meeting.lastMetAt ? <>last met <LocalTime date={meeting.lastMetAt} /></> : "no meeting recorded yet"}
            </span>
          </span>
          <DueText overdue={meeting.overdue}>{formatDate(meeting.dueOn)}</DueText>
        </>
      )}
    </WorklistSection>
  );
}

/** Active contacts IT has not met in a long while, the most influential first. */
export function ContactsNotMetSection({ section }: { section: Section<ContactNotMet> }) {
  return (
    <WorklistSection
      title={`Not met in ${NOT_MET_DAYS} days`}
      items={section.items}
      total={section.total}
      empty={{ title: "Everyone met lately", next: `You have met every active contact of your units in the last ${NOT_MET_DAYS} days. Keep logging who came to each meeting.` }}
    >
      {(contact) => (
        <>
          <span className="min-w-0">
            <Link href={`/accounts/${contact.accountId}/contacts`} className="font-medium text-blue-800 underline">
              {contact.name}
            </Link>
            {contact.title && <span className="text-slate-600">, {contact.title}</span>} <UnitLink id={contact.accountId} name={contact.accountName} />
          </span>
          <span className="text-slate-600">
            {humanize(contact.influence)} influence · {contact.lastMetAt ? <>last met <LocalTime date={contact.lastMetAt} /></> : "never met"}
          </span>
        </>
      )}
    </WorklistSection>
  );
}
