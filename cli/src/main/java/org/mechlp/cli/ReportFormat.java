package org.mechlp.cli;

/** The report formats of solve and check. */
enum ReportFormat {
  /** Human-readable tables. */
  TEXT,
  /** The mechlp-report/1 JSON shape (docs/OUTPUT.md). */
  JSON,
  /** The mechanism table as CSV, one row per reported profile (solve only). */
  CSV,
  /** The mechanism table as a LaTeX booktabs tabular (solve only). */
  LATEX
}
