package org.vigil.ovdinfo;

/**
 * Where accepted rows go. The import hands each event here and counts what came of it; storage
 * implements it with an upsert on {@link EventRow#naturalKey()}.
 */
public interface EventSink {
  /** What storing one row did. */
  enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  /**
   * Stores the event under its natural key: creates it, replaces a stored event with that key whose
   * content differs, or leaves an identical one alone, so that importing a file twice changes
   * nothing the second time.
   */
  Outcome put(EventRow event);
}
