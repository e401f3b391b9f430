package org.vigil.tally;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One group of a tally. Its detentions are the documented persons (each counted once however many
 * of the group's events they were detained at) plus the sourced counts of unnamed detentions.
 *
 * @param values one per dimension of the query, in its order; null where the events leave it empty
 * @param labels names of id values (station, campaign, event), else null, one per dimension
 */
public record Group(
    List<String> values, List<String> labels, long events, long named, long unnamed) {
  public Group {
    // copies that allow nulls (List.copyOf does not): an empty value is a group of its own
    values = Collections.unmodifiableList(new ArrayList<>(values));
    labels = Collections.unmodifiableList(new ArrayList<>(labels));
  }

  public long detentions() {
    return named + unnamed;
  }
}
