package org.vigil.place;

/**
 * How much a key says about the places filed under it, strongest first. A lookup takes the
 * strongest tier that has a candidate and decides among that tier's candidates alone, so a town's
 * own name ("Куйбышев", a town in Novosibirsk Oblast) outweighs another place's former name (Samara
 * was Куйбышев until 1991), whatever their sizes.
 */
enum Tier {
  /** Vigil's curated aliases (aliases.tsv): a decision with a written reason. */
  ALIAS(false),
  /** A place's own names: its Russian name, GeoNames' name, their romanisations. */
  OWN(false),
  /** GeoNames' other names of the place: former, foreign, inflected, abbreviated. */
  OTHER(false),
  /**
   * The loose key ({@link PlaceText#loose}) of an alias or an own name, for romanisations that part
   * ways ("Nizhnij", "Nizhniy"). Other names get none: they already hold the romanisations in use,
   * and loosening the foreign ones ("mo si ke") would only invite false matches.
   */
  LOOSE(true);

  /** Whether the tier is looked up by {@link PlaceText#loose} of the key rather than the key. */
  final boolean loose;

  Tier(boolean loose) {
    this.loose = loose;
  }
}
