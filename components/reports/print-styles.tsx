// Printing a report prints the report alone: everything that neither holds it nor is inside it
// (the app's header and navigation, the account's tabs and controls) is left off, and pages
// break between items rather than through them. The app's CSP allows inline styles (decision 013).
const css = `
@media print {
  @page { size: A4; margin: 14mm 14mm 16mm; }
  body { background: #fff; }
  body *:not(:has([data-report])):not([data-report]):not([data-report] *) { display: none !important; }
  #main { max-width: none; padding: 0; }
  [data-report] section { box-shadow: none; border: 0; padding: 0; }
  [data-report] h2 { break-after: avoid; }
  [data-report] li, [data-report] figure, [data-report] tr { break-inside: avoid; }
  [data-report] a { color: inherit; text-decoration: none; }
}
`;

export function ReportPrintStyles() {
  return <style>{css}</style>;
}
