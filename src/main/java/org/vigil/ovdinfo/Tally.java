package org.vigil.ovdinfo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Numbers of events and of detentions grouped by any dimensions, computed in memory from imported
 * rows. The detentions here are the tables' sourced counts of unnamed detentions; storage adds the
 * documented named persons (issue #3).
 */
public final class Tally {
  private Tally() {}

  /** Events and the people detained at them. */
  public record Group(long events, long detentions) {
    Group plus(EventRow event) {
      return new Group(events + 1, detentions + event.unnamedDetentions());
    }

    /** Detentions per event, rounded half-up as OVD-Info's report rounds. */
    public BigDecimal meanDetentions(int decimals) {
      return ratio(detentions, events, decimals);
    }
  }

  /** The events grouped by the values of {@code dimensions}, in order of those values. */
  public static Map<List<String>, Group> by(Collection<EventRow> events, Dimension... dimensions) {
    Map<List<String>, Group> groups = new TreeMap<>(Tally::compareKeys);
    for (EventRow event : events) {
      List<String> key = new ArrayList<>(dimensions.length);
      for (Dimension dimension : dimensions) {
        key.add(dimension.of(event));
      }
      groups.merge(List.copyOf(key), new Group(0, 0).plus(event), Tally::sum);
    }
    return groups;
  }

  public static Group total(Collection<EventRow> events) {
    return events.stream().reduce(new Group(0, 0), Group::plus, Tally::sum);
  }

  /** {@code part} as a percentage of {@code whole}, rounded half-up to {@code decimals}. */
  public static BigDecimal percent(long part, long whole, int decimals) {
    return ratio(part * 100, whole, decimals);
  }

  private static BigDecimal ratio(long numerator, long denominator, int decimals) {
    return BigDecimal.valueOf(numerator)
        .divide(BigDecimal.valueOf(denominator), decimals, RoundingMode.HALF_UP);
  }

  private static Group sum(Group a, Group b) {
    return new Group(a.events() + b.events(), a.detentions() + b.detentions());
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int order = a.get(i).compareTo(b.get(i));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }
}
