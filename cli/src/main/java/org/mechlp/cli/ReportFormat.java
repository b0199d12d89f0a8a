package org.mechlp.cli;

/** The report formats of solve and check. */
enum ReportFormat {
  /** Human-readable tables. */
  TEXT,
  /** The mechlp-report/1 JSON shape (docs/OUTPUT.md). */
  JSON
}
