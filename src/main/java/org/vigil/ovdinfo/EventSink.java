package org.vigil.ovdinfo;

import java.util.List;

/**
 * Where accepted rows go. Storage implements it with an upsert on {@link EventRow#naturalKey()}; a
 * sink may hold rows back to store them in batches, so what storing did is told at the end.
 */
public interface EventSink {
  /**
   * Stores the event under its natural key: creates it, replaces a stored event with that key whose
   * content differs, or leaves an identical one alone, so that importing a file twice changes
   * nothing the second time.
   */
  void put(EventRow event);

  /** Stores any rows held back and counts what storing every row did. */
  Stored finish();

  /**
   * Events created, updated (content changed) and left unchanged by an import, and the rows the
   * database refused (they are rejected alone; the rows around them are stored).
   */
  record Stored(long created, long updated, long unchanged, List<Rejected> refused) {
    public Stored {
      refused = List.copyOf(refused);
    }
  }
}
