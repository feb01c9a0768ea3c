import { enqueueJob } from "../jobs";
import { logUnexpected } from "../log";

/**
 * Runs the campaigns' tick now, for a campaign created to open today (the form and the API alike);
 * if queueing fails, the five-minute schedule opens it anyway.
 */
export async function tickCampaignsNow(): Promise<void> {
  try {
    await enqueueJob("campaigns-tick", {});
  } catch (error) {
    logUnexpected("enqueue campaigns-tick", error);
  }
}
