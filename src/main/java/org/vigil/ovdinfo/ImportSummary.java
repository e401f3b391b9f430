package org.vigil.ovdinfo;

import java.util.List;

/** What an import did, for the coordinator who ran it. */
public record ImportSummary(
    String layout,
    long rowsRead,
    long created,
    long updated,
    long unchanged,
    List<Rejected> rejected) {

  public ImportSummary {
    rejected = List.copyOf(rejected);
  }

  public String format() {
    StringBuilder text =
        new StringBuilder()
            .append("layout: ")
            .append(layout)
            .append('\n')
            .append("rows read: ")
            .append(rowsRead)
            .append('\n')
            .append("events created: ")
            .append(created)
            .append(", updated: ")
            .append(updated)
            .append(", unchanged: ")
            .append(unchanged)
            .append('\n')
            .append("rows rejected: ")
            .append(rejected.size())
            .append('\n');
    rejected.forEach(row -> text.append("  ").append(row).append('\n'));
    return text.toString();
  }
}
