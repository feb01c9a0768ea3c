import Form from "next/form";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { Label } from "@/components/ui/label";
import type { AccountAccess } from "@/lib/data/permissions";
import { humanize } from "@/lib/format";
import { INTERACTION_TYPES } from "@/lib/scoring/enums";
import type { TimelineQuery } from "@/lib/validation/timeline";

interface Props {
  accountId: string;
  access: AccountAccess;
  query: TimelineQuery;
}

/**
 * Filters as a GET form, so they sit in the URL (bookmarkable, shareable) and work before
 * JavaScript loads. A new filter starts from the newest interaction.
 */
export function TimelineFilters({ accountId, access, query }: Props) {
  // A client does not see the quotes IT records, so "side" is about who owes for them.
  const sides =
    access === "full"
      ? [
          { value: "BUSINESS", label: "The business spoke or owes" },
          { value: "IT", label: "IT spoke or owes" },
        ]
      : [
          { value: "BUSINESS", label: "You owe something" },
          { value: "IT", label: "IT owes something" },
        ];
  const filtered = Boolean(query.kind || query.side);
  return (
    <Form action={`/accounts/${accountId}`} scroll={false} className="flex flex-wrap items-end gap-3" aria-label="Filter the timeline">
      <div>
        <Label htmlFor="timeline-kind">Kind</Label>
        <NativeSelect id="timeline-kind" name="kind" defaultValue={query.kind ?? ""} placeholder="All kinds" options={INTERACTION_TYPES.map((value) => ({ value, label: humanize(value) }))} />
      </div>
      <div>
        <Label htmlFor="timeline-side">Side</Label>
        <NativeSelect id="timeline-side" name="side" defaultValue={query.side ?? ""} placeholder="Either side" options={sides} />
      </div>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
      {filtered && (
        <Link href={`/accounts/${accountId}#card-timeline`} scroll={false} className="py-2 text-sm text-blue-800 underline">
          Clear filters
        </Link>
      )}
    </Form>
  );
}
