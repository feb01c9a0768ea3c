import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import type { Actor } from "../data/permissions";
import { routeHandler } from "../http/route-handler";
import { parseReportQuery, type ReportQuery } from "./query";

type Context = { params?: Promise<Record<string, string | string[]>> };

export interface PdfFile {
  bytes: Buffer;
  filename: string;
}

/**
 * A GET route answering with a report's PDF. It goes through the app's one route wrapper
 * (session, zod params, named errors to statuses, nothing internal in a response), which answers
 * JSON; the PDF bytes are kept aside and sent once the wrapper said the call succeeded. The query
 * (?month=2026-11&months=3) is checked after the session: a bad one is a 400 with its message.
 */
export function pdfRoute<P extends z.ZodType>(
  spec: { name: string; params: P },
  render: (args: { actor: Actor; params: z.infer<P>; query: ReportQuery }) => Promise<PdfFile>,
) {
  return async (request: Request, context: Context): Promise<Response> => {
    let file: PdfFile | null = null;
    let invalid: string | null = null;
    const response = await routeHandler(spec, async ({ actor, params }) => {
      const parsed = parseReportQuery(new URL(request.url).searchParams, new Date());
      if (!parsed.ok) invalid = parsed.message;
      else file = await render({ actor, params, query: parsed.query });
      return { ok: true };
    })(request, context);
    if (invalid) return NextResponse.json({ error: invalid }, { status: 400 });
    if (!file || !response.ok) return response;
    const { bytes, filename } = file as PdfFile;
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${filename}"`,
        // A report is the reader's: never kept by a shared cache.
        "cache-control": "private, no-store",
      },
    });
  };
}
