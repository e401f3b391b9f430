package org.vigil.ovdinfo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The identity of an imported row, so that importing the same file again updates instead of
 * duplicating.
 *
 * <p>With an `Id` column: {@code ovdinfo:<region>:<date>:id=<Id>}. The Id is OVD-Info's own row
 * number and survives corrections of the count, stations, links or wording; it restarts in every
 * annual table, so the region and date are added to keep Ids of different tables apart (the 2012
 * table also starts at Id 1, and has no region column). A corrected date therefore makes a new
 * event: dates are what coordinators check first, and a wrong merge is worse than a duplicate.
 *
 * <p>Without an `Id` column: {@code ovdinfo:<region>:<date>:<hash>}, the hash being the first 16
 * hex digits of SHA-256 over the normalised place, kind and description — the words that tell two
 * events of one day apart. Correcting those words makes a new event.
 */
final class NaturalKey {
  private NaturalKey() {}

  static String of(
      String region,
      LocalDate date,
      String sourceId,
      String place,
      String kind,
      String description) {
    String prefix = "ovdinfo:" + region + ":" + date + ":";
    if (sourceId != null) {
      return prefix + "id=" + sourceId;
    }
    String content = normal(place) + "\u001F" + normal(kind) + "\u001F" + normal(description);
    return prefix + HexFormat.of().formatHex(sha256(content), 0, 8);
  }

  private static String normal(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
