import "server-only";
import { beforeInTime, keysetRows, newestFirst } from "../../csv/keyset";
import type { CsvExport } from "../../csv/route";
import { csvFilename } from "../../csv/stream";
import { db } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import type { Actor } from "../permissions";
import { raterOf } from "../ratings";
import { ratingScoresSelect } from "../selects";
import { exportScope } from "./scope";
import type { ExportQuery } from "./query";

const select = {
  ...ratingScoresSelect,
  source: true,
  account: { select: { name: true } },
  user: { select: { name: true } },
  contact: { select: { name: true } },
  campaign: { select: { name: true, anonymous: true } },
} satisfies Prisma.RatingSelect;

type Row = Prisma.RatingGetPayload<{ select: typeof select }>;

/**
 * The ratings the actor may see, newest first, as the ratings list shows them (withdrawn ones
 * have left it; who rated is named as raterOf names them, never for an anonymous campaign).
 * Read in keyset batches, so a million ratings stream through one batch of memory.
 */
export async function exportRatings(actor: Actor, query: ExportQuery): Promise<CsvExport<Row>> {
  const scope = await exportScope(actor, query.accountId, { clients: true });
  const where: Prisma.RatingWhereInput = { ...scope.where, withdrawnAt: null, createdAt: { gte: query.since, lt: query.until } };
  return {
    filename: csvFilename("ratings"),
    columns: [
      { header: "rated_at", value: (row) => row.createdAt },
      { header: "account", value: (row) => row.account.name },
      { header: "rater", value: (row) => rater(row) },
      { header: "source", value: (row) => row.source.toLowerCase() },
      { header: "campaign", value: (row) => row.campaign?.name },
      { header: "overall", value: (row) => row.overall },
      { header: "recommend", value: (row) => row.recommend },
      { header: "responsiveness", value: (row) => row.responsiveness },
      { header: "delivery", value: (row) => row.delivery },
      { header: "communication", value: (row) => row.communication },
      { header: "business_understanding", value: (row) => row.businessUnderstanding },
      { header: "trust", value: (row) => row.trust },
      { header: "comment", value: (row) => row.comment },
    ],
    rows: keysetRows((after, take) => db().rating.findMany({ where: { ...where, AND: [beforeInTime(after)] }, orderBy: newestFirst, take, select })),
  };
}

function rater(row: Row): string {
  const label = raterOf(row);
  return label.kind === "user" || label.kind === "contact" ? label.name : label.kind;
}
