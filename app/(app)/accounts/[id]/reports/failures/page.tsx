import type { Metadata } from "next";
import { FailureReportPage } from "@/components/reports/report-pages";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";

export const metadata: Metadata = { title: "Failure report" };

/** The unit's failure report (?month=YYYY-MM&months=1|3|6|12): IT with full access and the unit's clients. */
export default async function UnitFailureReport({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ id }, actor] = await Promise.all([params, requireActorOrRedirect()]);
  return <FailureReportPage actor={actor} accountId={id} searchParams={await searchParams} />;
}
