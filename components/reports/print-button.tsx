"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog (the page's print styles leave the report alone on the paper). */
export function PrintButton() {
  return (
    <Button variant="secondary" size="sm" onClick={() => window.print()}>
      Print
    </Button>
  );
}
