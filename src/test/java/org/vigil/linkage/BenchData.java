package org.vigil.linkage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Generated data for the benchmarks, which live in another package: one report for each of {@code
 * persons} different people to make known, and a tenth as many further reports about them.
 *
 * @param known one report per person
 * @param incoming other reports about the same persons
 */
public record BenchData(List<ReportFacts> known, List<ReportFacts> incoming) {

  /** The exact-name baseline's key for a report. */
  public static String exactName(ReportFacts report) {
    return Baseline.normalise(report.name());
  }

  public static BenchData generate(int persons, long seed) {
    List<Generator.Labelled> all = new Generator(seed).generate(persons, persons + persons / 10);
    Set<String> seen = new HashSet<>();
    List<ReportFacts> known = new ArrayList<>(persons);
    List<ReportFacts> incoming = new ArrayList<>(persons / 10);
    for (Generator.Labelled labelled : all) {
      (seen.add(labelled.personId()) ? known : incoming).add(labelled.report());
    }
    return new BenchData(known, incoming);
  }

  /** {@code reports} reports about {@code persons} people (at least one each), shuffled. */
  public static List<ReportFacts> reports(int persons, int reports, long seed) {
    return new Generator(seed)
        .generate(persons, reports).stream().map(Generator.Labelled::report).toList();
  }
}
