package org.vigil.cases;

/** One real individual, linked from all the reports about them. Personal data: decrypted here. */
public record Person(
    String id,
    String name,
    Integer birthYear,
    String contact,
    Consent consent,
    boolean publicFigure) {}
