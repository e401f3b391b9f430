package org.vigil.linkage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Links a file of reports the way intake does, one report at a time through the intake {@link
 * Linker}, in an order shuffled by a seed: so that what intake decides can be compared with what
 * batch linkage decides on the same reports, and with the truth.
 */
final class IncrementalRun {
  /**
   * The outcome.
   *
   * @param personIds each report's person, in the input's order (a report sent to review stays with
   *     the provisional person intake gave it)
   * @param matched reports joined to a known person without review
   * @param newPersons reports that started a person
   * @param sentToReview the reports intake was unsure of and sent to review
   */
  record Result(List<String> personIds, int matched, int newPersons, Set<String> sentToReview) {}

  private IncrementalRun() {}

  static Result link(List<ReportFacts> reports, long seed) {
    List<ReportFacts> order = new ArrayList<>(reports);
    Collections.shuffle(order, new Random(seed));
    Linker linker = new Linker();
    Map<String, String> personOf = new HashMap<>(reports.size() * 2);
    int matched = 0;
    int newPersons = 0;
    Set<String> review = new HashSet<>();
    for (ReportFacts report : order) {
      LinkDecision decision = linker.link(report);
      switch (decision) {
        case LinkDecision.Matched m -> matched++;
        case LinkDecision.NewPerson n -> newPersons++;
        case LinkDecision.NeedsReview r -> review.add(r.reportId());
        case LinkDecision.Reviewed r -> throw new IllegalStateException("no reviewer here");
      }
      personOf.put(report.reportId(), decision.personId());
    }
    List<String> personIds = reports.stream().map(r -> personOf.get(r.reportId())).toList();
    return new Result(personIds, matched, newPersons, Set.copyOf(review));
  }
}
