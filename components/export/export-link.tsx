/**
 * Download links for a list's CSV export (app/api/export/*): the plain file, and the same file
 * with a byte-order mark so Excel reads accents right. Plain links, not client-side navigation:
 * a route handler's file downloads.
 */
export function ExportLink({ href, label }: { href: string; label: string }) {
  const excel = `${href}${href.includes("?") ? "&" : "?"}bom=1`;
  const link = "inline-flex min-h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-700";
  return (
    <span className="inline-flex flex-wrap items-center gap-2 print:hidden">
      <a href={href} download className={link}>
        Download {label} (CSV)
      </a>
      <a href={excel} download className={link} aria-label={`Download ${label} as CSV for Excel`}>
        for Excel
      </a>
    </span>
  );
}
