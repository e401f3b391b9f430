package org.vigil.intake;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vigil.Vigil;
import org.vigil.cases.Cases;
import org.vigil.linkage.Linkage;
import org.vigil.security.Principal;
import org.vigil.security.Role;
import org.vigil.security.Vault;

/**
 * The ceiling for {@code bench/intake.sh}: the same rows the HTTP path stores, encrypted in
 * advance, written by the writer's own statements in transactions of 1,000 reports from one thread,
 * with no HTTP, no JSON and no queue. Prints {@code ceiling_reports_per_s=N}.
 *
 * <p>Usage: {@code IntakeCeiling DB_URL KEYSET REPORTS BODIES} (BODIES from {@link BenchReports})
 */
public final class IntakeCeiling {
  private static final int BATCH = 1000;

  public static void main(String[] args) throws Exception {
    String url = args[0];
    Path keyset = Path.of(args[1]);
    int reports = Integer.parseInt(args[2]);
    List<ReportContent> bodies = BenchReports.read(Path.of(args[3]));
    try (Vigil vigil = Vigil.open(url, keyset)) {
      Principal operator = vigil.accounts().addUser("ceiling-operator", Role.OPERATOR);
      Vault vault = Vault.openOrCreate(keyset);
      Linkage linkage =
          new Linkage(vigil.database().jdbi(), vault, new Cases(vigil.database().jdbi(), vault));
      // The first round warms the JIT up, as the HTTP run's warm-up does; the second is timed.
      insert(vigil, linkage, batches(vigil, operator, bodies, 0, reports));
      List<List<Pending>> timed = batches(vigil, operator, bodies, reports, reports);
      long start = System.nanoTime();
      insert(vigil, linkage, timed);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("ceiling_reports_per_s=%.0f%n", reports / seconds);
    }
  }

  /** Reports {@code from} to {@code from + count} of the bodies, wrapping round, in batches. */
  private static List<List<Pending>> batches(
      Vigil vigil, Principal operator, List<ReportContent> bodies, int from, int count) {
    List<List<Pending>> batches = new ArrayList<>();
    for (int i = from; i < from + count; i += BATCH) {
      List<Pending> batch = new ArrayList<>(BATCH);
      for (int j = i; j < Math.min(from + count, i + BATCH); j++) {
        ReportContent report = bodies.get(j % bodies.size());
        batch.add(vigil.intake().seal(report, Channel.OPERATOR, operator, null, null, null));
      }
      batches.add(batch);
    }
    return batches;
  }

  private static void insert(Vigil vigil, Linkage linkage, List<List<Pending>> batches)
      throws Exception {
    for (List<Pending> batch : batches) {
      vigil.database().jdbi().inTransaction(h -> ReportWriter.insert(h, linkage, batch));
    }
  }
}
