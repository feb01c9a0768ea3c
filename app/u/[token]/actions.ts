"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { unsubscribe } from "@/lib/data/invitations";
import { blockedFor, clientKey, recordMiss } from "@/lib/http/rate-limit";
import { unsubscribeFormSchema } from "@/lib/validation/rating";

/** The unsubscribe page's confirm button (a plain form: works without JavaScript). */
export async function unsubscribeAction(formData: FormData): Promise<void> {
  const parsed = unsubscribeFormSchema.safeParse({ token: formData.get("token") });
  const key = clientKey(await headers());
  if (await blockedFor(key)) redirect(`/u/${encodeURIComponent(String(formData.get("token") ?? ""))}`);
  // The page counts the miss when it shows "this link does not work".
  if (!parsed.success) redirect(`/u/${encodeURIComponent(String(formData.get("token") ?? "invalid"))}`);
  const result = await unsubscribe(parsed.data.token);
  if (result.state === "unknown") await recordMiss(key);
  redirect(`/u/${parsed.data.token}?done=1`);
}
