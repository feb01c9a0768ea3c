import { ScoreLineChart } from "@/components/charts/score-line-chart";
import { HistoryLink } from "@/components/history/history-link";
import { WithdrawRatingDialog } from "@/components/ratings/withdraw-rating-dialog";
import { EmptyState } from "@/components/ui/card";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { Actor } from "@/lib/data/permissions";
import { type RaterLabel, type RatingsOverview, raterOf } from "@/lib/data/ratings";
import { formatDate, formatMonth } from "@/lib/format";

/**
 * What the list needs of each rating: lib/data/ratings' listAccountRatings gives it, with `rater`
 * worked out.
 */
type Ratings = {
  id: string;
  createdAt: Date;
  overall: number;
  recommend: number;
  comment: string;
  source?: "APP" | "INVITATION";
  user: { id: string; name: string } | null;
  contact?: { name: string } | null;
  rater?: RaterLabel;
}[];

/** Who gave it: a name for a user or a contact; "anonymous" names nobody. */
function raterText(rating: Ratings[number]): string {
  const rater = rating.rater ?? raterOf(rating);
  switch (rater.kind) {
    case "user":
      return rater.name;
    case "contact":
      return `${rater.name} (emailed link)`;
    case "anonymous":
      return "anonymous";
    default:
      return "an emailed link";
  }
}

interface Props {
  overview: Omit<RatingsOverview, "latest"> & { latest: Ratings };
  emptyHint: React.ReactNode;
  actor: Actor;
  /** Given to business clients: they may withdraw the ratings they gave (IT never edits one). */
  withdraw?: FormActionFn;
}

/**
 * The account's ratings: how many and their average, the last year's monthly average as a chart
 * (aggregated in SQL, so it costs the same for ten ratings or ten thousand), then the newest
 * ratings with their comments; older ones are counted, not listed (decision 018).
 */
export function RatingHistory({ overview, emptyHint, actor, withdraw }: Props) {
  const { total, average, months, latest } = overview;
  if (total === 0) return <EmptyState title="No ratings yet">{emptyHint}</EmptyState>;
  const list = { actor, withdraw };
  const older = latest.slice(LATEST_SHOWN);
  const unlisted = total - latest.length;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        {total} rating{total === 1 ? "" : "s"}, average satisfaction {(average ?? 0).toFixed(1)} / 5.
      </p>
      {months.length > 0 && (
        <ScoreLineChart
          name="Satisfaction (1–5)"
          scale="rating"
          data={months.map((m) => ({ at: m.month.toISOString(), score: Math.round(m.average * 10) / 10 }))}
          description={`Average overall satisfaction by month over the last year, oldest first: ${months
            .map((m) => `${formatMonth(m.month)} ${m.average.toFixed(1)} out of 5 (${m.count} rating${m.count === 1 ? "" : "s"})`)
            .join(", ")}.`}
        />
      )}
      <RatingList ratings={latest.slice(0, LATEST_SHOWN)} {...list} />
      {older.length > 0 && (
        // Closed by default; the browser opens it when an evidence link points inside.
        <details>
          <summary className="cursor-pointer text-sm text-blue-800">Older ratings ({older.length + unlisted})</summary>
          <RatingList ratings={older} {...list} />
          {unlisted > 0 && <p className="text-sm text-slate-500">{unlisted} older rating{unlisted === 1 ? "" : "s"}, counted in the average, not listed here.</p>}
        </details>
      )}
    </div>
  );
}

const LATEST_SHOWN = 10;

function RatingList({ ratings, actor, withdraw }: { ratings: Ratings; actor: Actor; withdraw?: FormActionFn }) {
  return (
    // One text per sentence (not pieces React separates with comments) and the items' styles in
    // app/globals.css (.rating-list): a page lists up to two hundred ratings.
    <ul className="rating-list">
      {ratings.map((rating) => {
        const label = `rating of ${formatDate(rating.createdAt)}`;
        return (
          <li key={rating.id} id={`record-${rating.id}`}>
            <span className="font-medium">{`${rating.overall}/5`}</span>
            {`, would recommend ${rating.recommend}/10`}
            <span className="text-slate-500">{` — ${raterText(rating)}, ${formatDate(rating.createdAt)}`}</span>
            {withdraw && rating.user?.id === actor.id && <WithdrawRatingDialog ratingId={rating.id} label={label} action={withdraw} />}
            <HistoryLink actor={actor} entityType="Rating" entityId={rating.id} label={`the ${label}`} className="ml-2" />
            {rating.comment && <p className="text-slate-700">{`“${rating.comment}”`}</p>}
          </li>
        );
      })}
    </ul>
  );
}
