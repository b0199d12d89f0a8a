package org.mechlp.solver.pipeline;

import org.mechlp.model.Problem;

/**
 * One way of solving a problem: the standard optimum, the calibrated optimum, the deterministic optimum, the range
 * of the objective over transfers, and whatever comes next. {@link SolvePipeline} picks the mode of a {@link
 * SolveRequest} through {@link SolveModes} and runs it; the command line only parses flags into the request and
 * renders the {@link SolveOutcome} it gets back.
 *
 * <h2>How to add a mode</h2>
 *
 * <ol>
 *   <li>Write a record for its answer in this package, implementing {@link SolveOutcome}, and add it to the {@code
 *       permits} list of {@link SolveOutcome} (the one line that grows the report family).
 *   <li>Write a class implementing this interface: a {@link #name()} (its spelling after {@code solve --mode}),
 *       {@link #fitsAutomatically(Problem)} (true when the problem itself says it is of this kind, for example a
 *       {@code "periods"} block; such a mode is chosen without any flag), and {@link #solve(SolveRequest)}, which
 *       throws {@link InvalidRequestException} for a request it cannot take (for example {@code exact} when it does
 *       not certify).
 *   <li>Register it: add it to {@link SolveModes#BUILT_IN} (before {@link StandardMode}, which fits every problem),
 *       or, from another module, list its class name in {@code
 *       META-INF/services/org.mechlp.solver.pipeline.SolveMode}.
 *   <li>Render its outcome in the command line's report renderers (text and JSON); {@code SolveCommand} itself does
 *       not change: {@code --mode NAME} runs any registered mode, and a mode that fits automatically needs no flag.
 * </ol>
 */
public interface SolveMode {
  /** The mode's name, for example {@code "range"}: its spelling after {@code solve --mode}. */
  String name();

  /**
   * Whether this mode is the one for {@code problem} when the request leaves the mode to the problem ({@link
   * SolveRequest#AUTO}). Registered modes are asked in order; the standard mode fits every problem and comes last.
   */
  boolean fitsAutomatically(Problem problem);

  /**
   * Solves the request; its size has already been checked against {@link SolveRequest#maxLpRows()}.
   *
   * @throws InvalidRequestException when this mode cannot take the request as asked
   */
  SolveOutcome solve(SolveRequest request);
}
