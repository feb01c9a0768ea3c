"use client";
import type { FieldMetadata, FormMetadata } from "@conform-to/react";
import { type RefObject, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { CheckboxGroupField, SelectField, TextareaField, TextField } from "@/components/forms/fields";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { humanize } from "@/lib/format";
import { INTERACTION_TYPES, SENTIMENTS } from "@/lib/scoring/enums";
import { type FollowUpRowInput, type QuoteRowInput, WHAT_HAPPENED, type WhatHappened } from "@/lib/validation/interaction";
import { FollowUpRows, QuoteRows, type Rows } from "./interaction-rows";

export interface AttendeeOptions {
  contacts: { id: string; name: string; title: string | null }[];
  itPeople: { id: string; name: string }[];
}

/** The fields both the new and the correction form have; the form's schema decides the rest. */
export interface InteractionFieldMetas {
  type: FieldMetadata<unknown>;
  occurredAt: FieldMetadata<unknown>;
  summary: FieldMetadata<unknown>;
  topic: FieldMetadata<unknown>;
  notes: FieldMetadata<unknown>;
  sentiment: FieldMetadata<unknown>;
  whatHappened: FieldMetadata<unknown>;
  itOnTime: FieldMetadata<unknown>;
  itPrepared: FieldMetadata<unknown>;
  attendeeContactIds: FieldMetadata<unknown>;
  attendeeUserIds: FieldMetadata<unknown>;
  quotes: Rows<QuoteRowInput>;
  followUps: Rows<FollowUpRowInput>;
}

const options = (values: readonly string[]) => values.map((value) => ({ value, label: humanize(value) }));
const WHAT_HAPPENED_OPTIONS = (Object.keys(WHAT_HAPPENED) as WhatHappened[]).map((value) => ({ value, label: WHAT_HAPPENED[value].label }));
const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

/** A time as a datetime-local value in the browser's time zone. */
const toLocalInput = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
const noSubscription = () => () => undefined;

/**
 * When it happened, in the browser's local time, sent as an ISO instant so the server never
 * guesses the time zone. The server cannot know the zone, so the local value is read after
 * hydration; until then a correction keeps the stored instant (shown in UTC). The input is
 * uncontrolled so that hydration never overwrites what was typed before it: what the page holds
 * then, if it is neither of the starting values, counts as typed.
 */
function useOccurredAt(storedIso: string | undefined, input: RefObject<HTMLInputElement | null>) {
  const serverValue = storedIso ? storedIso.slice(0, 16) : "";
  const initial = useSyncExternalStore(noSubscription, () => toLocalInput(storedIso ? new Date(storedIso) : new Date()), () => serverValue);
  const [edited, setEdited] = useState<string | null>(null);
  useEffect(() => {
    const typed = input.current?.value;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the DOM is outside React: read once, after hydration
    if (typed && typed !== serverValue && typed !== initial) setEdited(typed);
    // Once, after hydration: later changes arrive through onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const local = edited ?? initial;
  // A half-typed or out-of-range date sends nothing, so the server reports it, not the page.
  const parsed = new Date(local);
  const iso = edited === null && storedIso ? storedIso : local && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : "";
  return { local, iso, setEdited };
}

interface Props extends AttendeeOptions {
  form: FormMetadata;
  fields: InteractionFieldMetas;
  /** A correction: the interaction's stored time (ISO) and the follow-ups already done (id → date). */
  storedOccurredAt?: string;
  doneFollowUps?: Record<string, string>;
}

/** Who came, what happened and was said, and what each side owes: the body of the new and the correction form. */
export function InteractionFieldset({ form, fields, contacts, itPeople, storedOccurredAt, doneFollowUps }: Props) {
  const occurredInput = useRef<HTMLInputElement>(null);
  const occurred = useOccurredAt(storedOccurredAt, occurredInput);
  return (
    <>
      <input type="hidden" name="occurredAt" value={occurred.iso} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField meta={fields.type} label="Type" options={options(INTERACTION_TYPES)} />
        <Field meta={fields.occurredAt} label="When">
          <Input
            id={fields.occurredAt.id}
            type="datetime-local"
            max="9999-12-31T23:59"
            ref={occurredInput}
            defaultValue={occurred.local}
            onChange={(event) => occurred.setEdited(event.target.value)}
            aria-invalid={fields.occurredAt.errors ? true : undefined}
            aria-describedby={fields.occurredAt.errors ? fields.occurredAt.errorId : undefined}
            required
          />
        </Field>
      </div>
      <TextField meta={fields.summary} label="Summary" placeholder="Quarterly review with the sales leadership" required />
      <TextField
        meta={fields.topic}
        label="Topic for the client (optional)"
        placeholder="Quarterly review: next year's reporting priorities"
        hint="The business client sees this on their account, beside when you met and who came. The summary and notes stay within IT."
      />
      <TextareaField meta={fields.notes} label="Notes" rows={5} hint="What was said and agreed. Tell-tale phrases are picked up from here too." />

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          meta={fields.whatHappened}
          label="What happened?"
          options={WHAT_HAPPENED_OPTIONS}
          hint="A call IT did not answer is not a cancellation: it tells the diagnosis who is avoiding whom."
        />
        <SelectField meta={fields.sentiment} label="How did it feel?" options={options(SENTIMENTS)} />
        <SelectField meta={fields.itOnTime} label="Was IT on time?" options={YES_NO} placeholder="Not applicable" />
        <SelectField meta={fields.itPrepared} label="Was IT prepared?" options={YES_NO} placeholder="Not applicable" />
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <CheckboxGroupField
          meta={fields.attendeeContactIds}
          form={form}
          legend="Who came from the business"
          options={contacts.map((contact) => ({ value: contact.id, label: contact.name, detail: contact.title && <span className="text-slate-500">· {contact.title}</span> }))}
          empty="This account has no contacts yet."
        />
        <CheckboxGroupField meta={fields.attendeeUserIds} form={form} legend="Who came from IT" options={itPeople.map((person) => ({ value: person.id, label: person.name }))} empty="No IT people found." />
      </div>

      <QuoteRows form={form} meta={fields.quotes} />
      <FollowUpRows form={form} meta={fields.followUps} done={doneFollowUps} />
    </>
  );
}
