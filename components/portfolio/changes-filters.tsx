import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ChangesQuery } from "@/lib/data/portfolio-changes-query";
import { Filter, labelClass, ownerOptions } from "./portfolio-filters";

interface Props {
  query: ChangesQuery;
  basePath: string;
  /** The earliest and latest day one may choose (YYYY-MM-DD). */
  min: string;
  max: string;
  managers: { id: string; name: string }[];
  offerMine: boolean;
}

/** Since which day, and whose units: a GET form, so the view lives in the URL. */
export function ChangesFilters({ query, basePath, min, max, managers, offerMine }: Props) {
  return (
    <form key={JSON.stringify(query)} method="get" action={basePath} aria-label="Choose what changed to show" className="mb-4 grid grid-cols-2 items-end gap-3 sm:grid-cols-[1fr_1fr_auto]">
      <div>
        <label htmlFor="changes-since" className={labelClass}>
          Changed since
        </label>
        <Input id="changes-since" name="since" type="date" defaultValue={query.since} min={min} max={max} required />
      </div>
      <Filter name="owner" label="Relationship manager" options={ownerOptions(managers, offerMine)} placeholder="Anyone" value={query.owner} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary">
          Show
        </Button>
        <Link href={basePath} prefetch={false} className="text-sm text-blue-800 underline">
          Last 7 days
        </Link>
      </div>
    </form>
  );
}
