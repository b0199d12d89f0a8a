package org.mechlp.solver.datadriven;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.lp.BasisStatus;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpBasis;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.lp.Row;

/**
 * Solves an LP whose rows fall apart into independent blocks (no row shares a column with another block) as one LP
 * per block, on up to two threads, and puts the answers together: the point, the duals and the simplex basis of the
 * whole LP. A data-driven LP with a fixed allocation has one block per agent (agent i's transfers appear only in
 * agent i's IC and IR rows), and without IR one per agent and profile of the others; simplex time grows faster than
 * the LP, so three blocks of a third take about a third of the time of the whole.
 *
 * <p>Nothing is taken on trust: the caller verifies the combined point and its duals against every row of the whole
 * LP, as for any backend's answer.
 */
final class BlockLpSolver implements LpSolver {
  /** Blocks are packed into sub-LPs of at least this many rows, so thousands of tiny blocks do not mean as many
   * solver calls. */
  private static final int MIN_ROWS_PER_SOLVE = 2_000;

  private final LpSolver backend;
  private final int minRowsPerSolve;

  BlockLpSolver(LpSolver backend) {
    this(backend, MIN_ROWS_PER_SOLVE);
  }

  /** A solver packing blocks into sub-LPs of at least {@code minRowsPerSolve} rows (tests use 1). */
  BlockLpSolver(LpSolver backend, int minRowsPerSolve) {
    this.backend = backend;
    this.minRowsPerSolve = minRowsPerSolve;
  }

  @Override
  public LpResult solve(LinearProgram lp, BackendSettings settings) {
    if (lp.hasIntegerColumns()) {
      return backend.solve(lp, settings);
    }
    List<Row> rows = new ArrayList<>();
    for (ConstraintFamily family : lp.families()) {
      family.forEachRow(rows::add);
    }
    int[] block = blocks(lp.columnCount(), rows);
    List<Part> parts = pack(lp, rows, block, minRowsPerSolve);
    if (parts.size() < 2) {
      return backend.solve(lp, settings);
    }
    List<LpResult> results = solveAll(parts, settings);
    return combine(lp, rows.size(), parts, results);
  }

  /** The block of every column: columns linked by a row share one (union-find), row-less columns stay alone. */
  private static int[] blocks(int columns, List<Row> rows) {
    int[] parent = new int[columns];
    for (int j = 0; j < columns; j++) {
      parent[j] = j;
    }
    for (Row row : rows) {
      int[] cols = row.columns();
      for (int k = 1; k < cols.length; k++) {
        int a = find(parent, cols[0]);
        int b = find(parent, cols[k]);
        if (a != b) {
          parent[Math.max(a, b)] = Math.min(a, b);
        }
      }
    }
    for (int j = 0; j < columns; j++) {
      parent[j] = find(parent, j);
    }
    return parent;
  }

  private static int find(int[] parent, int j) {
    while (parent[j] != j) {
      parent[j] = parent[parent[j]];
      j = parent[j];
    }
    return j;
  }

  /** One sub-LP: some whole blocks, their columns and rows in the whole LP's order. */
  private record Part(int[] columns, int[] rows, LinearProgram lp) {}

  private static List<Part> pack(LinearProgram lp, List<Row> rows, int[] block, int minRows) {
    int n = lp.columnCount();
    int[] rowsPerBlock = new int[n];
    for (Row row : rows) {
      if (row.columns().length > 0) {
        rowsPerBlock[block[row.columns()[0]]]++;
      }
    }
    // Assign blocks to parts in column order, closing a part once it holds enough rows.
    int[] partOfBlock = new int[n];
    Arrays.fill(partOfBlock, -1);
    int parts = 0;
    int open = -1;
    int openRows = 0;
    for (int j = 0; j < n; j++) {
      int b = block[j];
      if (partOfBlock[b] >= 0) {
        continue;
      }
      if (open < 0) {
        open = parts++;
        openRows = 0;
      }
      partOfBlock[b] = open;
      openRows += rowsPerBlock[b];
      if (openRows >= minRows) {
        open = -1;
      }
    }
    if (parts < 2) {
      return List.of();
    }
    int[] partOfColumn = new int[n];
    List<List<Integer>> columnLists = new ArrayList<>();
    List<List<Integer>> rowLists = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      columnLists.add(new ArrayList<>());
      rowLists.add(new ArrayList<>());
    }
    for (int j = 0; j < n; j++) {
      partOfColumn[j] = partOfBlock[block[j]];
      columnLists.get(partOfColumn[j]).add(j);
    }
    for (int r = 0; r < rows.size(); r++) {
      int[] cols = rows.get(r).columns();
      // A row without columns is a constant check; the first part carries it.
      rowLists.get(cols.length == 0 ? 0 : partOfColumn[cols[0]]).add(r);
    }
    List<Part> list = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      int[] columns = columnLists.get(p).stream().mapToInt(Integer::intValue).toArray();
      int[] rowIndex = rowLists.get(p).stream().mapToInt(Integer::intValue).toArray();
      list.add(new Part(columns, rowIndex, subProgram(lp, rows, columns, rowIndex, p == 0)));
    }
    return list;
  }

  private static LinearProgram subProgram(
      LinearProgram lp, List<Row> rows, int[] columns, int[] rowIndex, boolean first) {
    int[] local = new int[lp.columnCount()];
    Arrays.fill(local, -1);
    List<ColumnBounds> bounds = new ArrayList<>();
    BigFraction[] cost = new BigFraction[columns.length];
    for (int k = 0; k < columns.length; k++) {
      local[columns[k]] = k;
      bounds.add(lp.bounds().get(columns[k]));
      cost[k] = lp.objective().coefficients()[columns[k]];
    }
    List<Row> subRows = new ArrayList<>(rowIndex.length);
    PartFamily family = new PartFamily(subRows);
    for (int r : rowIndex) {
      Row row = rows.get(r);
      int[] cols = new int[row.columns().length];
      for (int k = 0; k < cols.length; k++) {
        cols[k] = local[row.columns()[k]];
      }
      subRows.add(new Row(family, new int[] {subRows.size()}, cols, row.coefficients(), row.sense(), row.rhs()));
    }
    family.names = rowIndex.length == 0 ? new Row[0] : Arrays.stream(rowIndex).mapToObj(rows::get).toArray(Row[]::new);
    LinearObjective objective = new LinearObjective(
        lp.objective().maximize(), cost, first ? lp.objective().constant() : BigFraction.ZERO);
    return new LinearProgram(bounds, k -> lp.columnName(columns[k]), objective, List.of(family));
  }

  private List<LpResult> solveAll(List<Part> parts, BackendSettings settings) {
    int threads = Math.min(2, Math.max(1, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "LP block");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<LpResult>> futures = new ArrayList<>();
      for (Part part : parts) {
        futures.add(pool.submit(() -> backend.solve(part.lp(), settings)));
      }
      List<LpResult> results = new ArrayList<>();
      for (Future<LpResult> f : futures) {
        results.add(f.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while solving LP blocks", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static LpResult combine(LinearProgram lp, int rowCount, List<Part> parts, List<LpResult> results) {
    LpStatus status = LpStatus.OPTIMAL;
    long iterations = 0;
    long nonZeros = 0;
    long buildNanos = 0;
    long solveNanos = 0;
    List<String> messages = new ArrayList<>();
    for (LpResult r : results) {
      iterations += r.iterations();
      nonZeros += r.nonZeros();
      buildNanos += r.buildNanos();
      solveNanos += r.solveNanos();
      if (!r.message().isEmpty() && !messages.contains(r.message())) {
        messages.add(r.message());
      }
      status = worse(status, r.status());
    }
    String name = results.get(0).solverName() + " (" + parts.size() + " independent blocks)";
    String message = String.join("; ", messages);
    if (status != LpStatus.OPTIMAL) {
      return new LpResult(status, Double.NaN, null, null, name, iterations, nonZeros, buildNanos, solveNanos,
          message);
    }
    double[] primal = new double[lp.columnCount()];
    double[] duals = new double[rowCount];
    BasisStatus[] columnBasis = new BasisStatus[lp.columnCount()];
    BasisStatus[] rowBasis = new BasisStatus[rowCount];
    boolean haveDuals = true;
    boolean haveBasis = true;
    for (int p = 0; p < parts.size(); p++) {
      Part part = parts.get(p);
      LpResult r = results.get(p);
      haveDuals &= r.duals() != null;
      haveBasis &= r.basis() != null;
      for (int k = 0; k < part.columns().length; k++) {
        primal[part.columns()[k]] = r.primal()[k];
        if (r.basis() != null) {
          columnBasis[part.columns()[k]] = r.basis().columns()[k];
        }
      }
      for (int k = 0; k < part.rows().length; k++) {
        if (r.duals() != null) {
          duals[part.rows()[k]] = r.duals()[k];
        }
        if (r.basis() != null) {
          rowBasis[part.rows()[k]] = r.basis().rows()[k];
        }
      }
    }
    return new LpResult(LpStatus.OPTIMAL, lp.objective().value(primal), primal, haveDuals ? duals : null, name,
        iterations, nonZeros, buildNanos, solveNanos, message,
        haveBasis ? new LpBasis(columnBasis, rowBasis) : null, Double.NaN);
  }

  /** The status of the whole LP from its blocks': infeasible anywhere is infeasible, then any failure, then unbounded. */
  private static LpStatus worse(LpStatus a, LpStatus b) {
    return rank(b) > rank(a) ? b : a;
  }

  private static int rank(LpStatus s) {
    return switch (s) {
      case OPTIMAL -> 0;
      case UNBOUNDED -> 1;
      case LIMIT_REACHED -> 2;
      case FAILED -> 3;
      case INFEASIBLE -> 4;
    };
  }

  /** The rows of one sub-LP; names and descriptions are those of the whole LP's rows. */
  private static final class PartFamily implements ConstraintFamily {
    private final List<Row> rows;
    private Row[] names;

    PartFamily(List<Row> rows) {
      this.rows = rows;
    }

    @Override
    public String id() {
      return "block";
    }

    @Override
    public String title() {
      return "rows of one independent block";
    }

    @Override
    public long rowCount() {
      return rows.size();
    }

    @Override
    public void forEachRow(Consumer<Row> sink) {
      rows.forEach(sink);
    }

    @Override
    public String rowName(int[] key) {
      return names[key[0]].name();
    }

    @Override
    public String describe(int[] key) {
      return names[key[0]].describe();
    }
  }
}
