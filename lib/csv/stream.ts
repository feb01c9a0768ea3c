import type { CsvCell } from "./cells";
import { csvLine } from "./cells";

// A CSV file written while its rows are read: the stream asks the row source for more only when
// the client has taken what was sent (ReadableStream's pull), so memory holds one batch, however
// many rows the export has (decision 031).

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvCell;
}

export interface CsvStreamOptions {
  /** Start with a UTF-8 byte-order mark, so Excel reads accents right (it guesses Windows-1252 without one). */
  bom?: boolean;
  /** Called when reading rows fails after the first byte was sent (the client sees a broken download). */
  onError?: (error: unknown) => void;
}

/** Bytes per chunk sent: rows are gathered up to about this size, so a chunk is not a row. */
const CHUNK_BYTES = 64 * 1024;
const BOM = "\uFEFF";

export function csvStream<T>(columns: readonly CsvColumn<T>[], rows: AsyncIterable<T>, options: CsvStreamOptions = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let iterator: AsyncIterator<T> | null = null;
  let header: string | null = `${options.bom ? BOM : ""}${csvLine(columns.map((column) => column.header))}`;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        iterator ??= rows[Symbol.asyncIterator]();
        let text = header ?? "";
        header = null;
        try {
          while (text.length < CHUNK_BYTES) {
            const next = await iterator.next();
            if (next.done) {
              if (text) controller.enqueue(encoder.encode(text));
              controller.close();
              return;
            }
            text += csvLine(columns.map((column) => column.value(next.value)));
          }
        } catch (error) {
          options.onError?.(error);
          // A half-written file must not look complete: the response ends with an error.
          controller.error(error);
          return;
        }
        controller.enqueue(encoder.encode(text));
      },
      async cancel() {
        // The client went away: stop reading (a keyset generator ends its loop).
        await iterator?.return?.();
      },
    },
    // One chunk queued ahead at most: reading waits for the client.
    { highWaterMark: 1 },
  );
}

/** A file name safe in Content-Disposition: letters, digits, dot, dash, underscore. */
export function csvFilename(...parts: string[]): string {
  const name = parts
    .map((part) => part.normalize("NFKD").replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, ""))
    .filter(Boolean)
    .join("-")
    .slice(0, 120);
  return `${name || "export"}.csv`;
}

/** The whole response: the streamed file as an attachment, never kept by a shared cache. */
export function csvResponse<T>(filename: string, columns: readonly CsvColumn<T>[], rows: AsyncIterable<T>, options: CsvStreamOptions = {}): Response {
  return new Response(csvStream(columns, rows, options), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
