package org.vigil.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlocksTest {
  private static final List<Evidence> REPORTS =
      new Generator(11).generate(300, 1_000).stream().map(l -> Evidence.of(l.report())).toList();

  @Test
  void eachKeysRunHoldsTheReportAndOnlyReportsOfThatBlock() {
    Blocks blocks = Blocks.of(REPORTS);
    for (int r = 0; r < REPORTS.size(); r++) {
      long[] runs = blocks.runsOf(r);
      assertThat(runs).hasSize(Blocking.keys(REPORTS.get(r)).size());
      for (long run : runs) {
        int from = Blocks.from(run);
        int to = Blocks.to(run);
        List<Integer> inRun = new ArrayList<>();
        IntStream.range(from, to).forEach(x -> inRun.add(blocks.report(x)));
        assertThat(inRun).contains(r);
        assertThat(IntStream.range(from, to).mapToLong(blocks::block).distinct().count())
            .isEqualTo(1);
        // the run is the whole block: the entries around it belong to other blocks
        if (from > 0) {
          assertThat(blocks.block(from - 1)).isNotEqualTo(blocks.block(from));
        }
      }
    }
  }

  @Test
  void boundsListEveryBlockOfTwoOrMoreReportsOnce() {
    Blocks blocks = Blocks.of(REPORTS);
    int[] bounds = blocks.bounds();
    long shared =
        IntStream.range(0, REPORTS.size())
            .boxed()
            .flatMapToLong(r -> java.util.Arrays.stream(blocks.runsOf(r)))
            .filter(run -> Blocks.to(run) - Blocks.from(run) >= 2)
            .distinct()
            .count();
    assertThat(bounds.length / 2).isEqualTo((int) shared);
  }
}
