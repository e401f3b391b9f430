package org.vigil.intake;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.vigil.Vigil;
import org.vigil.cases.Cases;
import org.vigil.cases.Consent;
import org.vigil.linkage.Linkage;
import org.vigil.security.Role;
import org.vigil.security.Vault;

/**
 * The ceiling for {@code bench/intake.sh}: the same rows the HTTP path stores, encrypted in
 * advance, written by the writer's own statements in transactions of 1,000 reports from one thread,
 * with no HTTP, no JSON and no queue. Prints {@code ceiling_reports_per_s=N}.
 *
 * <p>Usage: {@code IntakeCeiling DB_URL KEYSET REPORTS}
 */
public final class IntakeCeiling {
  private static final int BATCH = 1000;

  public static void main(String[] args) throws Exception {
    String url = args[0];
    Path keyset = Path.of(args[1]);
    int reports = Integer.parseInt(args[2]);
    try (Vigil vigil = Vigil.open(url, keyset)) {
      String operator = vigil.accounts().addUser("ceiling-operator", Role.OPERATOR).userId();
      Vault vault = Vault.openOrCreate(keyset);
      Linkage linkage =
          new Linkage(vigil.database().jdbi(), vault, new Cases(vigil.database().jdbi(), vault));
      // The first round warms the JIT up, as the HTTP run's warm-up does; the second is timed.
      insert(vigil, linkage, batches(vigil, operator, reports));
      List<List<Pending>> timed = batches(vigil, operator, reports);
      long start = System.nanoTime();
      insert(vigil, linkage, timed);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("ceiling_reports_per_s=%.0f%n", reports / seconds);
    }
  }

  private static List<List<Pending>> batches(Vigil vigil, String operator, int reports) {
    List<List<Pending>> batches = new ArrayList<>();
    for (int i = 0; i < reports; i += BATCH) {
      List<Pending> batch = new ArrayList<>(BATCH);
      for (int j = i; j < Math.min(reports, i + BATCH); j++) {
        batch.add(vigil.intake().seal(report(), Channel.OPERATOR, operator, null, null, null));
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

  /** The report bench/post-report.lua sends. */
  static ReportContent report() {
    return new ReportContent(
        "Иван Петров",
        1990,
        "Москва",
        OffsetDateTime.parse("2021-01-23T14:05:00+03:00"),
        "Пушкинская площадь",
        "ОВД Тверской",
        Reporter.RELATIVE,
        "+7 900 000-00-00",
        "free text from the caller",
        null,
        null,
        null,
        Consent.NONE,
        false,
        false,
        false);
  }
}
