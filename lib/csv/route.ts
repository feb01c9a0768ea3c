import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import type { Actor } from "../data/permissions";
import { routeHandler } from "../http/route-handler";
import { logUnexpected } from "../log";
import { fieldErrorsOf } from "../validation/errors";
import { type CsvColumn, csvResponse } from "./stream";

type Context = { params?: Promise<Record<string, string | string[]>> };

/** What an export hands back once the data layer has checked the caller: the rows are read later, as the client takes them. */
export interface CsvExport<T> {
  filename: string;
  columns: readonly CsvColumn<T>[];
  rows: AsyncIterable<T>;
}

/**
 * A GET route answering with a streamed CSV file. It goes through the app's one route wrapper
 * (session, zod params, named errors to statuses), like pdfRoute; the query is checked with its
 * zod schema (a bad one is a 400 with field errors). `?bom=1` starts the file with a UTF-8
 * byte-order mark for Excel. The data layer checks access before returning, so a refusal is an
 * ordinary 403/404 and never a half-sent file.
 */
export function csvRoute<P extends z.ZodType, Q extends z.ZodType, T>(
  spec: { name: string; params: P; query: Q },
  open: (args: { actor: Actor; params: z.infer<P>; query: z.infer<Q> }) => Promise<CsvExport<T>>,
) {
  return async (request: Request, context: Context): Promise<Response> => {
    let file: CsvExport<T> | null = null;
    let invalid: ReturnType<typeof fieldErrorsOf> | null = null;
    const searchParams = new URL(request.url).searchParams;
    const bom = searchParams.get("bom") === "1";
    const response = await routeHandler(spec, async ({ actor, params }) => {
      const raw = Object.fromEntries([...searchParams].filter(([key]) => key !== "bom"));
      const parsed = spec.query.safeParse(raw);
      if (!parsed.success) invalid = fieldErrorsOf(parsed.error);
      else file = await open({ actor, params, query: parsed.data });
      return { ok: true };
    })(request, context);
    if (invalid) return NextResponse.json({ error: "The export's filters are not valid.", fieldErrors: invalid }, { status: 400 });
    if (!file || !response.ok) return response;
    const { filename, columns, rows } = file as CsvExport<T>;
    return csvResponse(filename, columns, rows, { bom, onError: (error) => logUnexpected(`export ${spec.name}`, error) });
  };
}
