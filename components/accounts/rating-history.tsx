import { ScoreLineChart } from "@/components/charts/score-line-chart";
import { EmptyState } from "@/components/ui/card";
import type { getRatingHistory } from "@/lib/data/accounts";
import { formatDate } from "@/lib/format";

type Ratings = Awaited<ReturnType<typeof getRatingHistory>>;

/** Ratings over time as a chart (overall satisfaction scaled to 0–100), then the latest comments. */
export function RatingHistory({ ratings, emptyHint }: { ratings: Ratings; emptyHint: React.ReactNode }) {
  if (ratings.length === 0) return <EmptyState title="No ratings yet">{emptyHint}</EmptyState>;
  const chronological = [...ratings].reverse();
  const average = ratings.reduce((sum, rating) => sum + rating.overall, 0) / ratings.length;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        {ratings.length} rating{ratings.length === 1 ? "" : "s"}, average satisfaction {average.toFixed(1)} / 5.
      </p>
      <ScoreLineChart
        name="Satisfaction (0–100)"
        data={chronological.map((rating) => ({ at: rating.createdAt.toISOString(), score: (rating.overall - 1) * 25 }))}
        description={`Overall satisfaction ratings over time, oldest first: ${chronological.map((r) => r.overall).join(", ")} out of 5.`}
      />
      <RatingList ratings={ratings.slice(0, LATEST_SHOWN)} />
      {ratings.length > LATEST_SHOWN && (
        // Closed by default; the browser opens it when an evidence link points inside.
        <details>
          <summary className="cursor-pointer text-sm text-blue-800">Older ratings ({ratings.length - LATEST_SHOWN})</summary>
          <RatingList ratings={ratings.slice(LATEST_SHOWN)} />
        </details>
      )}
    </div>
  );
}

const LATEST_SHOWN = 10;

function RatingList({ ratings }: { ratings: Ratings }) {
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {ratings.map((rating) => (
        <li key={rating.id} id={`record-${rating.id}`} className="scroll-mt-4 py-2">
          <span className="font-medium">{rating.overall}/5</span>, would recommend {rating.recommend}/10
          <span className="text-slate-500"> — {rating.user.name}, {formatDate(rating.createdAt)}</span>
          {rating.comment && <p className="text-slate-700">&ldquo;{rating.comment}&rdquo;</p>}
        </li>
      ))}
    </ul>
  );
}
