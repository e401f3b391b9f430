package org.vigil.station;

import java.util.List;

/**
 * An event's police-station cell as the directory reads it: each place in the cell's order, and
 * whether the counts it gives fail to add up to the event's count.
 */
public record PlacedCell(List<Placement> placements, boolean mismatch) {
  static final PlacedCell EMPTY = new PlacedCell(List.of(), false);

  public PlacedCell {
    placements = List.copyOf(placements);
  }
}
