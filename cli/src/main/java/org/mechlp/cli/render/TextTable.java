package org.mechlp.cli.render;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with a header row; columns are padded to their widest cell. */
public final class TextTable {
  private final List<String> header;
  private final boolean[] rightAligned;
  private final List<List<String>> rows = new ArrayList<>();

  /**
   * A table with the given column headers; a header starting with '>' is right-aligned (the '>' is not printed),
   * for numeric columns.
   */
  public TextTable(List<String> headers) {
    this.header = new ArrayList<>();
    this.rightAligned = new boolean[headers.size()];
    for (int c = 0; c < headers.size(); c++) {
      String h = headers.get(c);
      rightAligned[c] = h.startsWith(">");
      header.add(rightAligned[c] ? h.substring(1) : h);
    }
  }

  /** Adds a row; it must have one cell per column. */
  public TextTable add(List<String> cells) {
    if (cells.size() != header.size()) {
      throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.size());
    }
    rows.add(List.copyOf(cells));
    return this;
  }

  /** Number of data rows. */
  public int size() {
    return rows.size();
  }

  /** Renders the table, each line indented by two spaces and ending in a newline. */
  public String render() {
    int[] width = new int[header.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = header.get(c).length();
      for (List<String> row : rows) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, width);
    List<String> rule = new ArrayList<>();
    for (int w : width) {
      rule.add("-".repeat(w));
    }
    line(sb, rule, width);
    for (List<String> row : rows) {
      line(sb, row, width);
    }
    return sb.toString();
  }

  private void line(StringBuilder sb, List<String> cells, int[] width) {
    StringBuilder line = new StringBuilder("  ");
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      String pad = " ".repeat(width[c] - cell.length());
      line.append(rightAligned[c] ? pad + cell : cell + pad);
      if (c < cells.size() - 1) {
        line.append("  ");
      }
    }
    sb.append(line.toString().stripTrailing()).append('\n');
  }
}
