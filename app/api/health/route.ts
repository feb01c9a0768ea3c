import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { serviceUnavailable } from "@/lib/http/route-handler";
import { logUnexpected } from "@/lib/log";

// For the load balancer: 200 {"status":"ok"} while this instance can serve (its database answers
// a trivial query within HEALTH_TIMEOUT_MS), else 503 with Retry-After, so traffic goes to another
// instance. No session needed, and nothing about the database in the body. Never cached.
export const dynamic = "force-dynamic";

const HEALTH_TIMEOUT_MS = 2_000;

// The check takes no parameters; anything else is refused rather than ignored.
const querySchema = z.object({}).strict();

const noStore = { "cache-control": "no-store" };

export async function GET(request: Request): Promise<NextResponse> {
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return NextResponse.json({ error: "The health check takes no parameters." }, { status: 400, headers: noStore });
  try {
    await withTimeout(db().$queryRaw`SELECT 1`, HEALTH_TIMEOUT_MS);
    return NextResponse.json({ status: "ok" }, { headers: noStore });
  } catch (error) {
    // An outage is what this endpoint reports; anything else is a bug worth the log too.
    if (!isDatabaseUnavailable(error) && !(error instanceof HealthTimeout)) logUnexpected("route GET /api/health", error);
    return serviceUnavailable({ status: "unavailable" });
  }
}

class HealthTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HealthTimeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
