/**
 * Reading and writing mechlp JSON files: problem files ({@code mechlp/1}, {@link
 * org.mechlp.model.json.ProblemReader}) and mechanisms ({@code mechlp-mechanism/1}, {@link
 * org.mechlp.model.json.MechanismJson}). Readers walk the Jackson tree themselves and report every issue with the
 * JSON path it concerns; the formats are documented in docs/FORMAT.md.
 */
package org.mechlp.model.json;
