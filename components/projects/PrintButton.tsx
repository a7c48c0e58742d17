"use client";
// Printing needs JavaScript only for the button: without it, the page says how to print (the browser's own Print).
import { useMounted } from "@/components/charts/use-mounted";
import { Button } from "@/components/ui/Button";

export function PrintButton() {
  const mounted = useMounted();
  if (!mounted)
    return (
      <p className="no-print mb-6 text-base" data-print-hint="">
        To print this report or save it as a PDF, use your browser’s Print (Ctrl+P, or ⌘P on a Mac).
      </p>
    );
  return (
    <Button type="button" onClick={() => window.print()} className="no-print">
      Print this report
    </Button>
  );
}
