import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MonthlyReportPage } from "@/components/reports/report-pages";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { seesPortfolio } from "@/lib/data/permissions";

export const metadata: Metadata = { title: "Portfolio value report" };

/** The portfolio's monthly value report: IT (the CIO and admins every unit, a manager their own). */
export default async function PortfolioMonthlyReport({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActorOrRedirect();
  if (!seesPortfolio(actor)) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold print:hidden">Reports</h1>
      <MonthlyReportPage actor={actor} accountId={null} searchParams={await searchParams} />
    </div>
  );
}
