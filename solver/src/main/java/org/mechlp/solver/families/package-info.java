/**
 * The constraint families of mechlp's LP (docs/THEORY.md, Constraint families): one small pure class per family, each
 * streaming exact rows in problem units, and {@link org.mechlp.solver.families.FamilyCatalog}, which picks the
 * families a problem's mechanism options call for.
 */
package org.mechlp.solver.families;
