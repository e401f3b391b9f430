package org.vigil.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.testing.QueryPlan;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;

/**
 * The review queue is read from its index (review_queue_opened), oldest or newest first, a page at
 * a time, and only then joined to those reports' decisions: with a million reports, /api/review
 * took 1.13 s at the median when it did otherwise (issue #13).
 */
class ReviewQueuePlanTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void the_queue_reads_its_index_then_the_decisions_of_one_page(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      for (boolean newest : new boolean[] {false, true}) {
        String plan =
            QueryPlan.of(
                server.vigil().database(), Linkage.queueQuery(newest), Map.of("limit", 50));
        System.out.println(
            kind + (newest ? " newest" : " oldest") + " review queue plan:\n" + plan);
        assertThat(plan).contains("review_queue_opened").contains("link_decisions_report");
        // Some SQLite versions sort the page's rows once more (a temp B-tree of at most `limit`
        // rows); what must not happen is a scan of the decisions or a sort of the whole queue.
        assertThat(plan).doesNotContainPattern("(?i)SCAN (d|link_decisions|reports)\\b|Seq Scan");
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
