package org.vigil.ovdinfo;

/**
 * OVD-Info's own English rendering of a row's labels, from the `_eng` columns. Null where the table
 * has no such column or leaves it empty (some rows of 2013 do).
 */
public record English(
    String kind, String agreement, String subject, String organizer, String description) {}
