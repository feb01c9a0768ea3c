import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { seesPortfolio } from "@/lib/data/permissions";

/**
 * Each role starts where its job is: a relationship manager on their worklist, the CIO and admins
 * on the portfolio, a client on their account.
 */
export default async function Home() {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (actor.role === "RELATIONSHIP_MANAGER") redirect("/worklist");
  if (seesPortfolio(actor)) redirect("/dashboard");
  redirect(actor.accountId ? `/accounts/${actor.accountId}` : "/logout");
}
