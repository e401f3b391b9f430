package org.vigil.station;

/** How far a police-station cell says where an event's detainees were taken. */
public enum Attribution {
  /** The cell is empty. */
  NONE,
  /** One place, so all of the event's detainees were taken there. */
  SINGLE,
  /** Several places with counts that add up to the event's total. */
  EXACT,
  /** Several places, counts missing for some, and those given do not exceed the total. */
  UNSPLIT,
  /** The counts given do not add up to the total, or the cell itself says so (`[не сходится]`). */
  MISMATCH
}
