package org.vigil.station;

/**
 * An event whose police-station cell does not square with its count of detentions; the coordinator
 * checks the sources.
 *
 * @param stated the sum of the counts the cell gives
 * @param saidInCell the cell itself notes that its counts do not add up (`[не сходится]`)
 */
public record Discrepancy(
    String eventKey, String cell, int total, int stated, boolean saidInCell) {}
