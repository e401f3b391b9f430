package org.vigil.station;

import java.util.Locale;

/**
 * Places named in the police-station column that are not police stations. People are held in a van
 * or brought to a court, and the tables say so; such a place must not become a station.
 */
public enum NonStationKind {
  COURT("суд"),
  POLICE_VAN("автозак"),
  PROSECUTOR("прокуратур");

  private final String stem;

  NonStationKind(String stem) {
    this.stem = stem;
  }

  /** The kind of non-station a name is, or null if it may be a police station. */
  static NonStationKind of(String name) {
    String text = name.toLowerCase(Locale.ROOT);
    for (NonStationKind kind : values()) {
      if (text.contains(kind.stem)) {
        return kind;
      }
    }
    return null;
  }
}
