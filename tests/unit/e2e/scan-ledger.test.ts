// The e2e axe fixture's promise, "axe on every page": a scan's failure is reported, or the address is
// scanned again; never dropped (tests/e2e/scan-ledger.ts, used by tests/e2e/fixtures.ts).
import { describe, expect, it } from "vitest";
import { ScanLedger, VIOLATIONS } from "@/tests/e2e/scan-ledger";

const page = "http://127.0.0.1:3107/learning/item";
const violations = new Error(`${VIOLATIONS} ${page}\n\nexpect(received).toEqual(expected)`);
const interrupted = new Error("page.evaluate: Execution context was destroyed, most likely because of a navigation");

describe("the axe fixture's ledger", () => {
  it("scans each address once, and never API responses or blank pages", () => {
    const ledger = new ScanLedger();
    expect(ledger.startScan(page)).toBe(true);
    ledger.passed(page);
    expect(ledger.startScan(page)).toBe(false);
    expect(ledger.startScan("about:blank")).toBe(false);
    expect(ledger.startScan("http://127.0.0.1:3107/api/health")).toBe(false);
    expect(ledger.owing()).toEqual([]);
  });

  it("reports violations found on a page that stayed where it was", () => {
    const ledger = new ScanLedger();
    ledger.startScan(page);
    expect(() => ledger.failed(page, violations, false)).toThrow(VIOLATIONS);
  });

  it("owes a scan of a page whose violations were found after it moved on, rather than dropping them", () => {
    const ledger = new ScanLedger();
    ledger.startScan(page);
    ledger.failed(page, violations, true);
    expect(ledger.owing()).toEqual([page]);
  });

  it("owes a scan of a page whose scan could not run, and scans it at its next load", () => {
    const ledger = new ScanLedger();
    ledger.startScan(page);
    ledger.failed(page, interrupted, true);
    expect(ledger.owing()).toEqual([page]);
    expect(ledger.startScan(page)).toBe(true);
    ledger.passed(page);
    expect(ledger.owing()).toEqual([]);
  });

  it("still owes the scan when the next load's scan is interrupted too", () => {
    const ledger = new ScanLedger();
    ledger.startScan(page);
    ledger.failed(page, interrupted, true);
    ledger.startScan(page);
    ledger.failed(page, interrupted, false);
    expect(ledger.owing()).toEqual([page]);
  });
});
