package org.vigil.station;

/**
 * One place of a police-station cell and the people the cell puts there.
 *
 * @param rawText the part of the cell naming the place, trimmed
 * @param nonStation what the place is if not a police station, else null
 * @param stationKey the directory's key of the station, null for a non-station
 * @param detentions the event's whole count when the cell names one place, the count the cell gives
 *     for this place otherwise, null when it gives none
 */
public record Placement(
    String rawText, NonStationKind nonStation, String stationKey, Integer detentions) {}
