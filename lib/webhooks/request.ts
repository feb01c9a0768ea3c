import { logUnexpected } from "../log";

/** Asks for a delivery run now (after a replay or a resume); the every-minute schedule sweeps anyway. */
export async function requestWebhookDelivery(): Promise<void> {
  try {
    // Imported here: lib/jobs' catalogue imports the delivery run.
    const { enqueueJob } = await import("../jobs");
    await enqueueJob("deliver-webhooks", {});
  } catch (error) {
    // Nothing is lost: the schedule finds the due delivery within a minute.
    logUnexpected("requesting webhook delivery", error);
  }
}
