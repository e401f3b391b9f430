package org.vigil.ovdinfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Events kept in memory by natural key: the sink for a dry run, tallies and tests. */
public final class InMemoryEvents implements EventSink {
  private final Map<String, EventRow> byKey = new LinkedHashMap<>();

  @Override
  public Outcome put(EventRow event) {
    EventRow stored = byKey.put(event.naturalKey(), event);
    if (stored == null) {
      return Outcome.CREATED;
    }
    return stored.sameContentAs(event) ? Outcome.UNCHANGED : Outcome.UPDATED;
  }

  /** The stored events in the order they were first stored. */
  public List<EventRow> events() {
    return new ArrayList<>(byKey.values());
  }
}
