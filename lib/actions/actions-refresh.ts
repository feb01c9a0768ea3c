import "server-only";
import { revalidatePath } from "next/cache";

/** Where actions show: the account's pages (plan, overview, the client's view), the portfolio's counts, the worklist. */
export function refreshActionPages(accountId: string) {
  revalidatePath(`/accounts/${accountId}`, "layout");
  revalidatePath("/dashboard");
  revalidatePath("/worklist");
  revalidatePath("/notifications");
}
