package org.vigil.linkage;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil link}: links a file of reports into persons. */
@Command(
    name = "link",
    mixinStandardHelpOptions = true,
    description = {
      "Links reports that are about the same person.",
      "Reads report_id,name,birth_year,city,detained_on,police_station,source (UTF-8, RFC 4180),"
          + " writes report_id,person_id, one row per usable report. Bad rows are reported on"
          + " stderr with their line number and skipped."
    })
public final class LinkCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--in", required = true, description = "reports.csv to link")
  Path in;

  @Option(names = "--out", required = true, description = "clusters.csv to write")
  Path out;

  @Option(
      names = "--truth",
      description = "truth.csv (report_id,person_id): print pairwise and B-cubed quality")
  Path truth;

  @Option(
      names = "--baseline",
      description = "link by exact normalised name instead, the baseline for comparisons")
  boolean baseline;

  @Option(
      names = "--incremental",
      paramLabel = "SEED",
      description =
          "link as intake does, one report at a time through the intake linker, in an order"
              + " shuffled by SEED; compare with batch by giving batch's clusters.csv as --truth")
  Long incremental;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    long started = System.nanoTime();
    AtomicInteger badRows = new AtomicInteger();
    List<ReportFacts> reports;
    try {
      reports =
          Csv.readReports(
              in,
              bad -> {
                badRows.incrementAndGet();
                stderr.println(in + ": " + bad);
              });
    } catch (Csv.UnreadableFile e) {
      stderr.println(e.getMessage());
      return 2;
    }
    if (baseline && incremental != null) {
      stderr.println("--baseline and --incremental are two different linkers: give one");
      return 2;
    }
    List<String> personIds;
    String review = "";
    Set<String> sentToReview = Set.of();
    if (baseline) {
      personIds = Baseline.personIds(reports);
    } else if (incremental != null) {
      IncrementalRun.Result result = IncrementalRun.link(reports, incremental);
      personIds = result.personIds();
      sentToReview = result.sentToReview();
      review =
          String.format(
              Locale.ROOT,
              ", %d matched, %d new persons, %d sent to review",
              result.matched(),
              result.newPersons(),
              sentToReview.size());
    } else {
      Clustering.Result result = Clustering.cluster(reports);
      personIds = Clustering.personIds(reports, result);
      review =
          String.format(
              Locale.ROOT,
              ", %d pairs compared, %d pairs for review",
              result.comparisons(),
              result.reviewPairs());
      if (result.skippedBlocks() > 0) {
        stderr.printf(
            "%d blocks larger than %d reports were not compared%n",
            result.skippedBlocks(), Blocks.MAX_BLOCK);
      }
    }
    List<String> reportIds = reports.stream().map(ReportFacts::reportId).toList();
    Csv.writeAssignments(out, reportIds, personIds);
    double seconds = (System.nanoTime() - started) / 1e9;
    stdout.printf(
        Locale.ROOT,
        "%s: linked %d reports into %d persons in %.1f s (%d bad rows skipped%s); peak heap %d MiB%n",
        baseline ? "baseline" : incremental != null ? "intake" : "vigil",
        reports.size(),
        personIds.stream().distinct().count(),
        seconds,
        badRows.get(),
        review,
        peakHeapMiB());
    if (truth != null) {
      printQuality(stdout, stderr, reportIds, personIds, sentToReview);
    }
    stdout.flush();
    return 0;
  }

  private void printQuality(
      PrintWriter stdout,
      PrintWriter stderr,
      List<String> reportIds,
      List<String> personIds,
      Set<String> sentToReview)
      throws IOException {
    Map<String, String> truthIds =
        Csv.readAssignments(truth, bad -> stderr.println(truth + ": " + bad));
    Quality q = Quality.of(reportIds, personIds, truthIds);
    if (!sentToReview.isEmpty()) {
      // a report in review waits for a person to decide; what intake decided alone is the rest
      List<Integer> decided =
          IntStream.range(0, reportIds.size())
              .filter(i -> !sentToReview.contains(reportIds.get(i)))
              .boxed()
              .toList();
      Quality alone =
          Quality.of(
              decided.stream().map(reportIds::get).toList(),
              decided.stream().map(personIds::get).toList(),
              truthIds);
      stdout.printf(
          Locale.ROOT,
          "decided without review: %d reports, pairwise precision %.4f recall %.4f F1 %.4f%n",
          decided.size(),
          alone.pairPrecision(),
          alone.pairRecall(),
          alone.pairF1());
    }
    stdout.printf(
        Locale.ROOT,
        "pairwise precision %.4f recall %.4f F1 %.4f%n"
            + "B-cubed  precision %.4f recall %.4f F1 %.4f (%d reports in the truth)%n"
            + "persons found %d / true %d (%+.1f %%)%n",
        q.pairPrecision(),
        q.pairRecall(),
        q.pairF1(),
        q.bcubedPrecision(),
        q.bcubedRecall(),
        q.bcubedF1(),
        q.reports(),
        q.personsFound(),
        q.personsTrue(),
        100.0 * (q.personsFound() - q.personsTrue()) / Math.max(1, q.personsTrue()));
  }

  /** The sum of the heap pools' peaks, a slight overestimate of the true peak heap. */
  private static long peakHeapMiB() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes >> 20;
  }
}
