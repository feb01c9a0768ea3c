import type { NextRequest } from "next/server";

// Server actions are POSTs to a page's own URL (with a `Next-Action` header from JavaScript, or a
// multipart form without JavaScript). Next refuses a foreign origin or a body over its limit by
// throwing, which the browser sees as a 500; these checks answer 403 and 413 first, with the same
// rules Next applies after them.

/** Next's default `serverActions.bodySizeLimit` (1 MiB): the CSV upload's 1 MB limit sits below it. */
export const ACTION_BODY_LIMIT = 1024 * 1024;

export interface Refusal {
  status: 403 | 413;
  reason: string;
}

/** The host Next compares the Origin with: the first X-Forwarded-Host, else Host (action-handler's parseHostHeader). */
function expectedHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}

/**
 * Why a POST to a page (not /api) is refused, or null to let it through. A missing Origin passes,
 * as Next lets it: browsers always send one with a POST, so a request without one carries no
 * victim's cookies by accident.
 */
export async function refusedPagePost(request: NextRequest): Promise<Refusal | null> {
  if (request.method !== "POST" || request.nextUrl.pathname.startsWith("/api/")) return null;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    const host = expectedHost(request.headers);
    if (!host || originHost(origin) !== host) return { status: 403, reason: "This form was posted from another site" };
  }
  const length = request.headers.get("content-length");
  if (length !== null) return /^\d{1,16}$/.test(length) && Number(length) <= ACTION_BODY_LIMIT ? null : tooLarge;
  // A chunked body states no length: count it (Next buffers a copy for the proxy, so the page still gets it).
  return request.body && (await longerThan(request.body, ACTION_BODY_LIMIT)) ? tooLarge : null;
}

const tooLarge: Refusal = { status: 413, reason: "The form is too large (more than 1 MB)" };

async function longerThan(body: ReadableStream<Uint8Array>, limit: number): Promise<boolean> {
  const reader = body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      total += value.byteLength;
      if (total > limit) return true;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
