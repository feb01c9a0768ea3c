import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { seesPortfolio } from "@/lib/data/permissions";

/** Each role starts where its job is. */
export default async function Home() {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (seesPortfolio(actor)) redirect("/dashboard");
  redirect(actor.accountId ? `/accounts/${actor.accountId}` : "/logout");
}
