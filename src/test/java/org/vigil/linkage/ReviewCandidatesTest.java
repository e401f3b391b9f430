package org.vigil.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A review item shows the best-scoring candidates only, however many cleared the threshold. */
class ReviewCandidatesTest {

  @Test
  void aCommonNameShowsItsBestCandidatesBestFirst() {
    List<LinkDecision.Candidate> many = new ArrayList<>();
    for (int i = 0; i < 40; i++) many.add(new LinkDecision.Candidate("p" + i, 5.0 + i * 0.25));
    Collections.shuffle(many, new Random(7));
    Linkage.Decision decision =
        new Linkage.Decision(
            "d", "r", "p-new", null, "NEEDS_REVIEW", null, many, Instant.EPOCH, null, null);

    List<LinkDecision.Candidate> shown = Linkage.shown(decision).toList();

    assertThat(shown).hasSize(Linkage.CANDIDATES_SHOWN);
    assertThat(shown.getFirst().personId()).isEqualTo("p39");
    assertThat(shown)
        .extracting(LinkDecision.Candidate::score)
        .isSortedAccordingTo((a, b) -> Double.compare(b, a))
        .allMatch(score -> score >= 5.0 + (40 - Linkage.CANDIDATES_SHOWN) * 0.25);
  }

  @Test
  void aFewCandidatesAreAllShown() {
    List<LinkDecision.Candidate> few =
        List.of(new LinkDecision.Candidate("a", 7.0), new LinkDecision.Candidate("b", 9.0));
    Linkage.Decision decision =
        new Linkage.Decision(
            "d", "r", "p-new", null, "NEEDS_REVIEW", null, few, Instant.EPOCH, null, null);

    assertThat(Linkage.shown(decision).map(LinkDecision.Candidate::personId))
        .containsExactly("b", "a");
  }
}
