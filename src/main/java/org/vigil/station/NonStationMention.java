package org.vigil.station;

/** A court, a police van or the like named where a police station was expected. */
public record NonStationMention(String eventKey, StationMention mention) {}
