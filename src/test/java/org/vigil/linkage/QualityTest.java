package org.vigil.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityTest {

  @Test
  void pairwiseAndBcubedOnAHandWorkedExample() {
    // truth: {a, b, c} {d}; predicted: {a, b} {c, d}
    List<String> reports = List.of("a", "b", "c", "d");
    List<String> predicted = List.of("1", "1", "2", "2");
    Map<String, String> truth = Map.of("a", "x", "b", "x", "c", "x", "d", "y");
    Quality q = Quality.of(reports, predicted, truth);
    // predicted pairs ab, cd; true pairs ab, ac, bc; shared: ab
    assertThat(q.pairPrecision()).isCloseTo(0.5, within(1e-9));
    assertThat(q.pairRecall()).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(q.pairF1()).isCloseTo(0.4, within(1e-9));
    // B-cubed precision: a 1, b 1, c 1/2, d 1/2; recall: a 2/3, b 2/3, c 1/3, d 1
    assertThat(q.bcubedPrecision()).isCloseTo(0.75, within(1e-9));
    assertThat(q.bcubedRecall()).isCloseTo(2.666666666 / 4, within(1e-6));
  }

  @Test
  void perfectClusteringScoresOne() {
    Quality q = Quality.of(List.of("a", "b"), List.of("p", "p"), Map.of("a", "t", "b", "t"));
    assertThat(q.pairF1()).isEqualTo(1.0);
    assertThat(q.bcubedF1()).isEqualTo(1.0);
  }
}
