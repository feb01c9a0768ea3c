import { notFound } from "next/navigation";
import { PortfolioTabs } from "@/components/portfolio/portfolio-tabs";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { seesPortfolio } from "@/lib/data/permissions";

// Every portfolio view (units, what changed, trends, managers, maturity) under one tab bar, for IT
// only; each page still checks its caller itself, as layouts do not run on every navigation.
export default async function PortfolioLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActorOrRedirect();
  if (!seesPortfolio(actor)) notFound();
  return (
    <div className="space-y-6">
      <PortfolioTabs />
      {children}
    </div>
  );
}
