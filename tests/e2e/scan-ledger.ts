// The axe fixture's book-keeping (tests/e2e/fixtures.ts), apart from the browser so that it can be unit
// tested: which addresses a test's page has a reliable scan of, and which it still owes one.

/** The message of an axe run that found violations (see scan() in fixtures.ts). */
export const VIOLATIONS = "Accessibility violations on";

export class ScanLedger {
  private readonly scanned = new Set<string>();
  private readonly owed = new Set<string>();

  /** At a load: whether to scan `url` now (each address once; API responses and blank pages never). */
  startScan(url: string): boolean {
    if (this.scanned.has(url) || url.startsWith("about:") || url.includes("/api/")) return false;
    this.scanned.add(url);
    return true;
  }

  passed(url: string) {
    this.owed.delete(url);
  }

  /**
   * A scan that failed. Violations found on a page that stayed where it was are the test's failure: thrown.
   * Anything else gave no reliable result (axe lost with the old document, or a result about a document
   * being replaced): the address is owed a scan, at its next load or after the test.
   */
  failed(url: string, error: Error, movedOn: boolean) {
    if (error.message.includes(VIOLATIONS) && !movedOn) throw error;
    this.scanned.delete(url);
    this.owed.add(url);
  }

  /** Addresses still without a reliable scan: the fixture opens each afresh after the test and scans it. */
  owing(): string[] {
    return [...this.owed];
  }
}
