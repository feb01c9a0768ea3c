import Link from "next/link";
import { STAGE_ORDER } from "@/components/health/stage-style";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect, type Option } from "@/components/ui/native-select";
import { DEFAULT_DIRECTION, isFiltered, PAGE_SIZES, PORTFOLIO_SORTS, type PortfolioQuery, SORT_LABELS } from "@/lib/data/portfolio-query";
import { Criticality } from "@/lib/generated/prisma/enums";
import { humanize } from "@/lib/format";
import { STAGE_LABELS } from "@/lib/scoring";
import { HEADING_OPTIONS } from "./trend-indicator";

export const labelClass = "mb-1 block text-xs font-medium text-slate-600";
const stageOptions = STAGE_ORDER.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] }));
const sortOptions = PORTFOLIO_SORTS.map((sort) => ({ value: sort, label: SORT_LABELS[sort][DEFAULT_DIRECTION[sort]] }));
const criticalityOptions = Object.values(Criticality).map((value) => ({ value, label: humanize(value) }));

/** A labelled native select (posts without JavaScript). */
export function Filter({ name, label, options, placeholder, value }: { name: string; label: string; options: Option[]; placeholder?: string; value: string | undefined }) {
  return (
    <div>
      <label htmlFor={`portfolio-${name}`} className={labelClass}>
        {label}
      </label>
      <NativeSelect id={`portfolio-${name}`} name={name} options={options} placeholder={placeholder} defaultValue={value ?? ""} />
    </div>
  );
}

/** The owner filter's choices: "My units" when the viewer manages some, the unassigned, then each manager. */
export const ownerOptions = (managers: { id: string; name: string }[], offerMine: boolean): Option[] => [
  ...(offerMine ? [{ value: "me", label: "My units" }] : []),
  { value: "none", label: "Unassigned" },
  ...managers.map((m) => ({ value: m.id, label: m.name })),
];

interface Props {
  query: PortfolioQuery;
  basePath: string;
  managers: { id: string; name: string }[];
  /** Offer "My units" (the viewer manages some). */
  offerMine: boolean;
}

/**
 * Search and filters as a plain GET form: the view lives in the URL (bookmarkable, works without
 * JavaScript); applying starts again from page one, keeping the page size. The sort is here too
 * because at phone width the cards have no column headers.
 */
export function PortfolioFilters({ query, basePath, managers, offerMine }: Props) {
  return (
    // Keyed by the view: after a client-side navigation (a sort header, a page link) the fields'
    // default values would otherwise keep the previous view, and applying them would undo it.
    <form key={JSON.stringify(query)} method="get" action={basePath} role="search" aria-label="Filter business units" className="mb-4 grid grid-cols-2 items-end gap-3 sm:grid-cols-3 lg:grid-cols-[2fr_1fr_1fr_1fr_1fr_1fr_auto]">
      <div className="col-span-2 sm:col-span-1">
        <label htmlFor="portfolio-q" className={labelClass}>
          Search by name
        </label>
        <Input id="portfolio-q" name="q" type="search" defaultValue={query.q} maxLength={100} />
      </div>
      <Filter name="stage" label="Stage" options={stageOptions} placeholder="Any stage" value={query.stage} />
      <Filter name="owner" label="Relationship manager" options={ownerOptions(managers, offerMine)} placeholder="Anyone" value={query.owner} />
      <Filter name="criticality" label="Criticality" options={criticalityOptions} placeholder="Any criticality" value={query.criticality} />
      <Filter name="heading" label="Heading" options={HEADING_OPTIONS} placeholder="Any heading" value={query.heading} />
      <Filter name="sort" label="Sort" options={sortOptions} value={query.sort} />
      {query.dir !== DEFAULT_DIRECTION[query.sort] && <input type="hidden" name="dir" value={query.dir} />}
      {query.size !== PAGE_SIZES.default && <input type="hidden" name="size" value={query.size} />}
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {isFiltered(query) && (
          <Link href={basePath} prefetch={false} className="text-sm text-blue-800 underline">
            Clear
          </Link>
        )}
      </div>
    </form>
  );
}
