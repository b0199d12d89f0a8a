/**
 * The full LP: every row built and solved in one backend call, a PDLP point polished into a vertex, and the report of
 * any verified point on the full LP's columns (shared by the full, lazy, symmetric and deterministic solvers).
 */
package org.mechlp.solver.full;
