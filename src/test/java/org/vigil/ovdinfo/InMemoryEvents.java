package org.vigil.ovdinfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Events kept in memory by natural key: the reader's tests need no database. */
final class InMemoryEvents implements EventSink {
  private final Map<String, EventRow> byKey = new LinkedHashMap<>();
  private long created;
  private long updated;
  private long unchanged;

  @Override
  public void put(EventRow event) {
    EventRow stored = byKey.put(event.naturalKey(), event);
    if (stored == null) {
      created++;
    } else if (stored.sameContentAs(event)) {
      unchanged++;
    } else {
      updated++;
    }
  }

  /** Counts since the last finish, as each import starts its own count. */
  @Override
  public Stored finish() {
    Stored stored = new Stored(created, updated, unchanged, List.of());
    created = updated = unchanged = 0;
    return stored;
  }

  /** The stored events in the order they were first stored. */
  List<EventRow> events() {
    return new ArrayList<>(byKey.values());
  }
}
