import type { Metadata } from "next";
import { MonthlyReportPage } from "@/components/reports/report-pages";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";

export const metadata: Metadata = { title: "Monthly value report" };

/** The unit's monthly value report (?month=YYYY-MM, default last month): IT with full access and the unit's clients. */
export default async function UnitMonthlyReport({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ id }, actor] = await Promise.all([params, requireActorOrRedirect()]);
  return <MonthlyReportPage actor={actor} accountId={id} searchParams={await searchParams} />;
}
