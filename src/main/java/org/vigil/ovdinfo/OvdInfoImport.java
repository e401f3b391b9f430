package org.vigil.ovdinfo;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongConsumer;

/** Reads an OVD-Info table into an {@link EventSink} and sums up what happened. */
public final class OvdInfoImport {
  private OvdInfoImport() {}

  /**
   * @param progress told the number of rows read so far, every {@code progressEvery} rows and at
   *     the end; the command draws its progress bar from it
   */
  public static ImportSummary run(
      Reader reader, String defaultRegion, EventSink sink, LongConsumer progress, int progressEvery)
      throws LayoutException {
    Counts counts = new Counts();
    try (OvdInfoTable table = OvdInfoTable.open(reader, defaultRegion)) {
      table.forEachRow(
          row -> {
            counts.add(row, sink);
            if (counts.read % progressEvery == 0) {
              progress.accept(counts.read);
            }
          });
      progress.accept(counts.read);
      EventSink.Stored stored = sink.finish();
      counts.rejected.addAll(stored.refused());
      counts.rejected.sort(Comparator.comparingLong(Rejected::line));
      return new ImportSummary(
          table.layout(),
          counts.read,
          stored.created(),
          stored.updated(),
          stored.unchanged(),
          counts.rejected);
    }
  }

  private static final class Counts {
    long read;
    final List<Rejected> rejected = new ArrayList<>();

    void add(TableRow row, EventSink sink) {
      read++;
      switch (row) {
        case Rejected rejection -> rejected.add(rejection);
        case EventRow event -> sink.put(event);
      }
    }
  }
}
