package org.vigil.stations;

/**
 * An event whose police-station cell does not square with its count of detentions; the coordinator
 * checks the sources. {@code stated} is the sum of the counts the cell gives.
 */
public record Discrepancy(String eventKey, String cell, int total, int stated) {}
