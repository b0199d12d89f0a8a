/**
 * The {@code mechlp-report/1} JSON reports as records that Jackson serializes: their components, in order, are the
 * report's fields (docs/OUTPUT.md, schema/mechlp-report-1.schema.json). {@code org.mechlp.cli.render.JsonReport} and
 * {@code CalibratedJsonReport} fill them from the solver's report records.
 */
package org.mechlp.cli.render.json;
