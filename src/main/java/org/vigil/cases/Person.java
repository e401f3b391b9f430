package org.vigil.cases;

/**
 * One real individual, linked from all the reports about them. Personal data: decrypted here. How
 * far their name may be published is not a property of the person but of what was said about it
 * ({@link Consents}).
 */
public record Person(
    String id, String name, Integer birthYear, String contact, boolean publicFigure) {}
