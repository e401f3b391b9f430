package org.vigil.station;

import java.util.OptionalInt;

/**
 * One place named in a police-station cell.
 *
 * @param rawText the part of the cell this mention was read from, trimmed (the whole cell stays
 *     verbatim in {@link StationCell#raw()})
 * @param name the place's name without its count (`ОВД Пресненский` of `ОВД Пресненский - 21+8`)
 * @param nonStation what the place is if it is not a police station, null if it is one
 * @param count the people the cell says were brought there, if it says
 * @param person a detainee the cell names instead of a count (`Лимонов - ОВД Тверской`), or null
 */
public record StationMention(
    String rawText, String name, NonStationKind nonStation, OptionalInt count, String person) {

  public boolean isStation() {
    return nonStation == null;
  }
}
