// From an uploaded file's bytes to text a CSV parser can read, or why it is not CSV.

/** Control characters other than tab and line breaks: a spreadsheet or an image, not text. */
function looksBinary(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 && code !== 9 && code !== 10 && code !== 13) return true;
  }
  return false;
}

/**
 * UTF-8 (with or without a byte-order mark), or else Windows-1252, which older ITSM tools and
 * Excel write. Line breaks become "\n", so line numbers count as an editor does.
 */
export function decodeCsvText(bytes: Uint8Array): { text: string } | { error: string } {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  if (looksBinary(text)) return { error: "This is not a CSV file: it holds binary data (a spreadsheet or an image?). Export the report as CSV and upload that." };
  return { text: text.replace(/\r\n?/g, "\n") };
}

/** Comma, semicolon (Excel in much of Europe) or tab: whichever the header line uses most. */
export function detectDelimiter(text: string): string {
  const header = text.slice(0, text.indexOf("\n") === -1 ? undefined : text.indexOf("\n"));
  const counts = [",", ";", "\t"].map((d) => [d, header.split(d).length - 1] as const);
  const [best] = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best;
}
