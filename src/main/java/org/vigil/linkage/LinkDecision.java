package org.vigil.linkage;

import java.util.List;

/**
 * What linkage did with a report. Every decision names the person the report belongs to from then
 * on, so no report is ever without a person, and every decision is kept in the {@link Linker}'s
 * journal, where a {@link Reviewed} decision can move a report anywhere, including back.
 */
public sealed interface LinkDecision {
  String reportId();

  String personId();

  /** The report matched one known person confidently and was merged into that person. */
  record Matched(String reportId, String personId, double score) implements LinkDecision {}

  /**
   * The report resembles known persons too closely to be a new one and too loosely to merge: it is
   * held as a provisional person of its own until a reviewer decides.
   */
  record NeedsReview(String reportId, String personId, List<Candidate> candidates)
      implements LinkDecision {
    public NeedsReview {
      candidates = List.copyOf(candidates);
    }
  }

  /** Nobody known resembles the report: it starts a new person. */
  record NewPerson(String reportId, String personId) implements LinkDecision {}

  /** A reviewer moved the report from one person to another; moving it back undoes this. */
  record Reviewed(String reportId, String personId, String previousPersonId)
      implements LinkDecision {}

  /** A known person a report may be about, with the match score (log2 likelihood ratio). */
  record Candidate(String personId, double score) {}
}
