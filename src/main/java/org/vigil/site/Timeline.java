package org.vigil.site;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.vigil.tally.CampaignCount.Group;

/**
 * The chart of confirmed detentions per hour, laid out for SVG: one bar per hour from the first to
 * the last, empty hours included so that gaps show. Hours are labelled in Moscow time, the time the
 * Russian press reports in. {@code live.js} draws the same layout when the figures move.
 */
public record Timeline(List<Bar> bars, int width, int height, long max) {
  static final int WIDTH = 640;
  static final int HEIGHT = 160;

  /** At least half a day is shown, so that one busy hour is a bar, not the whole chart. */
  private static final int MIN_HOURS = 12;

  private static final int MAX_HOURS = 72;
  private static final ZoneOffset MOSCOW = ZoneOffset.ofHours(3);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

  /** One hour: where its bar stands, its height, its label and its people. */
  public record Bar(double x, double y, double width, double height, String label, long people) {}

  static Timeline of(List<Group> hours) {
    if (hours.isEmpty()) return new Timeline(List.of(), WIDTH, HEIGHT, 0);
    Instant first = Instant.parse(hours.getFirst().key());
    Instant last = Instant.parse(hours.getLast().key());
    long span = Math.clamp(ChronoUnit.HOURS.between(first, last) + 1, MIN_HOURS, MAX_HOURS);
    Instant start = last.minus(span - 1, ChronoUnit.HOURS);
    long[] people = new long[(int) span];
    for (Group g : hours) {
      long i = ChronoUnit.HOURS.between(start, Instant.parse(g.key()));
      if (i >= 0 && i < span) people[(int) i] += g.figures().confirmed();
    }
    long max = 1;
    for (long p : people) max = Math.max(max, p);
    double slot = (double) WIDTH / span;
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < span; i++) {
      double h = (HEIGHT - 20) * people[i] / (double) max;
      String label = HOUR.format(start.plus(i, ChronoUnit.HOURS).atOffset(MOSCOW));
      bars.add(
          new Bar(
              round(i * slot + 1),
              round(HEIGHT - 20 - h),
              round(slot - 2),
              round(h),
              label,
              people[i]));
    }
    return new Timeline(bars, WIDTH, HEIGHT, max);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
