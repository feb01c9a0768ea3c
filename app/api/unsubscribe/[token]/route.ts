import { NextResponse } from "next/server";
import { z } from "zod";
import { unsubscribe } from "@/lib/data/invitations";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { blockedFor, clientKey, recordMiss, waitText } from "@/lib/http/rate-limit";
import { serviceUnavailable } from "@/lib/http/route-handler";
import { logUnexpected } from "@/lib/log";
import { unsubscribeTokenSchema } from "@/lib/validation/rating";

// RFC 8058 one-click unsubscribe: mail clients POST `List-Unsubscribe=One-Click` (form-encoded)
// to the List-Unsubscribe URL, with no cookies and no page. 200 once unsubscribed (again: still
// 200), 400 for a link this app did not make or a wrong body, 429 while the address is blocked
// for guessing links, 503 with Retry-After while the database is away. GET is not answered (405):
// mail scanners follow links.

const paramsSchema = z.object({ token: unsubscribeTokenSchema });
const bodySchema = z.object({ "List-Unsubscribe": z.literal("One-Click") });

const text = (body: string, status: number, extra: Record<string, string> = {}) =>
  new NextResponse(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer", ...extra } });

export async function POST(request: Request, context: { params: Promise<{ token: string }> }): Promise<NextResponse> {
  try {
    const key = clientKey(request.headers);
    const wait = await blockedFor(key);
    if (wait) return text(`Too many attempts: try again in ${waitText(wait)}.\n`, 429, { "retry-after": String(wait) });
    const params = paramsSchema.safeParse(await context.params);
    if (!params.success) {
      await recordMiss(key);
      return text("This unsubscribe link is not valid.\n", 400);
    }
    const form = await request.formData().catch(() => null);
    const body = bodySchema.safeParse(form ? Object.fromEntries(form.entries()) : {});
    if (!body.success) return text("Send List-Unsubscribe=One-Click (RFC 8058).\n", 400);
    const result = await unsubscribe(params.data.token);
    if (result.state === "unknown") {
      await recordMiss(key);
      return text("This unsubscribe link is not valid.\n", 400);
    }
    return text("Unsubscribed: no more rating requests will be sent to this address.\n", 200);
  } catch (error) {
    logUnexpected("route unsubscribe", error);
    // The database is away: the mail client may post again (unsubscribing twice is harmless).
    if (isDatabaseUnavailable(error)) return serviceUnavailable();
    return text("Something went wrong on our side. Please try again.\n", 500);
  }
}
