import { ScoreLineChart } from "@/components/charts/score-line-chart";
import { HistoryLink } from "@/components/history/history-link";
import { WithdrawRatingDialog } from "@/components/ratings/withdraw-rating-dialog";
import { EmptyState } from "@/components/ui/card";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { Actor } from "@/lib/data/permissions";
import { type RaterLabel, raterOf } from "@/lib/data/ratings";
import { formatDate } from "@/lib/format";

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
  ratings: Ratings;
  emptyHint: React.ReactNode;
  actor: Actor;
  /** Given to business clients: they may withdraw the ratings they gave (IT never edits one). */
  withdraw?: FormActionFn;
}

/** Ratings over time as a chart (overall satisfaction on its own 1–5 scale), then the latest comments. */
export function RatingHistory({ ratings, emptyHint, actor, withdraw }: Props) {
  if (ratings.length === 0) return <EmptyState title="No ratings yet">{emptyHint}</EmptyState>;
  const chronological = [...ratings].reverse();
  const average = ratings.reduce((sum, rating) => sum + rating.overall, 0) / ratings.length;
  const list = { actor, withdraw };
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        {ratings.length} rating{ratings.length === 1 ? "" : "s"}, average satisfaction {average.toFixed(1)} / 5.
      </p>
      <ScoreLineChart
        name="Satisfaction (1–5)"
        scale="rating"
        data={chronological.map((rating) => ({ at: rating.createdAt.toISOString(), score: rating.overall }))}
        description={`Overall satisfaction ratings over time, oldest first: ${chronological.map((r) => r.overall).join(", ")} out of 5.`}
      />
      <RatingList ratings={ratings.slice(0, LATEST_SHOWN)} {...list} />
      {ratings.length > LATEST_SHOWN && (
        // Closed by default; the browser opens it when an evidence link points inside.
        <details>
          <summary className="cursor-pointer text-sm text-blue-800">Older ratings ({ratings.length - LATEST_SHOWN})</summary>
          <RatingList ratings={ratings.slice(LATEST_SHOWN)} {...list} />
        </details>
      )}
    </div>
  );
}

const LATEST_SHOWN = 10;

function RatingList({ ratings, actor, withdraw }: { ratings: Ratings; actor: Actor; withdraw?: FormActionFn }) {
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {ratings.map((rating) => {
        const label = `rating of ${formatDate(rating.createdAt)}`;
        return (
          <li key={rating.id} id={`record-${rating.id}`} className="scroll-mt-4 py-2 target:bg-blue-50">
            <span className="font-medium">{rating.overall}/5</span>, would recommend {rating.recommend}/10
            <span className="text-slate-500">
              {" "}
              — {raterText(rating)}, {formatDate(rating.createdAt)}
            </span>
            {withdraw && rating.user?.id === actor.id && <WithdrawRatingDialog ratingId={rating.id} label={label} action={withdraw} />}
            <HistoryLink actor={actor} entityType="Rating" entityId={rating.id} label={`the ${label}`} className="ml-2" />
            {rating.comment && <p className="text-slate-700">&ldquo;{rating.comment}&rdquo;</p>}
          </li>
        );
      })}
    </ul>
  );
}
