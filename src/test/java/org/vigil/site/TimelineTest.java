package org.vigil.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.tally.CampaignCount.Figures;
import org.vigil.tally.CampaignCount.Group;

class TimelineTest {
  private static Group hour(String key, long people) {
    // Unconfirmed people are reported beside the chart, never drawn in it.
    return new Group(key, key, key, new Figures(people, 99, 0));
  }

  @Test
  void hours_are_bars_in_moscow_time_with_gaps_kept() {
    Timeline t =
        Timeline.of(
            List.of(
                hour("2021-01-23T09:00:00Z", 4),
                hour("2021-01-23T11:00:00Z", 8),
                hour("2021-01-23T20:00:00Z", 2)));
    assertThat(t.bars()).hasSize(12);
    assertThat(t.bars().getFirst().label()).isEqualTo("12:00"); // 09:00 UTC
    assertThat(t.bars().get(1).people()).isZero();
    assertThat(t.bars().get(2).people()).isEqualTo(8);
    assertThat(t.bars().get(2).height()).isEqualTo(t.height() - 20);
    assertThat(t.bars().getLast().label()).isEqualTo("23:00");
    assertThat(t.bars().getLast().height()).isEqualTo((t.height() - 20) / 4.0);
  }

  @Test
  void one_busy_hour_is_one_bar_of_half_a_day() {
    Timeline t = Timeline.of(List.of(hour("2021-01-23T11:00:00Z", 3)));
    assertThat(t.bars()).hasSize(12);
    assertThat(t.bars().getLast().people()).isEqualTo(3);
    assertThat(t.bars().getLast().width()).isLessThan(t.width() / 10.0);
  }

  @Test
  void a_long_campaign_shows_its_last_three_days() {
    Timeline t =
        Timeline.of(List.of(hour("2021-01-20T00:00:00Z", 1), hour("2021-01-31T00:00:00Z", 1)));
    assertThat(t.bars()).hasSize(72);
    assertThat(t.bars().getLast().people()).isEqualTo(1);
    assertThat(t.bars().stream().mapToLong(Timeline.Bar::people).sum()).isEqualTo(1);
  }
}
