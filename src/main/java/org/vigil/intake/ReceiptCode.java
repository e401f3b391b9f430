package org.vigil.intake;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The short code a reporter is given for a report, like {@code 7KQM-2XHP-9WDF}: twelve symbols of
 * Crockford's base 32 (digits and capital letters without I, L, O and U, so that no two symbols are
 * mistaken for each other when read aloud over the phone or copied by hand), 60 random bits. Nobody
 * can guess one: with a million reports stored, a guess hits one with a chance of about one in a
 * million million, and only coordinators can ask.
 *
 * <p>What a person types back is read forgivingly, as Crockford's alphabet intends: lower case, no
 * hyphens or spaces, O for 0, I and L for 1, and Cyrillic letters that look like Latin ones (typed
 * on a Russian keyboard layout by someone reading the code off a screen) all find the code.
 */
public final class ReceiptCode {
  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  static final int SYMBOLS = 12;
  private static final int GROUP = 4;
  private static final SecureRandom RANDOM = new SecureRandom();
  // Cyrillic capitals and their Latin look-alikes, in the same order.
  private static final String CYRILLIC = "АВЕКМНОРСТХ";
  private static final String LATIN = "ABEKMHOPCTX";

  private ReceiptCode() {}

  /** A fresh code, grouped by four: {@code 7KQM-2XHP-9WDF}. */
  public static String next() {
    StringBuilder code = new StringBuilder(SYMBOLS + SYMBOLS / GROUP);
    for (int i = 0; i < SYMBOLS; i++) {
      if (i > 0 && i % GROUP == 0) code.append('-');
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** The code a person typed, as stored; empty if it cannot be one. */
  public static Optional<String> parse(String typed) {
    if (typed == null || typed.length() > 64) return Optional.empty();
    StringBuilder symbols = new StringBuilder(SYMBOLS);
    for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
      if (c == '-' || Character.isWhitespace(c)) continue;
      int cyrillic = CYRILLIC.indexOf(c);
      char latin = cyrillic >= 0 ? LATIN.charAt(cyrillic) : c;
      char symbol =
          switch (latin) {
            case 'O' -> '0';
            case 'I', 'L' -> '1';
            default -> latin;
          };
      if (ALPHABET.indexOf(symbol) < 0 || symbols.length() == SYMBOLS) return Optional.empty();
      symbols.append(symbol);
    }
    if (symbols.length() != SYMBOLS) return Optional.empty();
    for (int at = SYMBOLS - GROUP; at > 0; at -= GROUP) symbols.insert(at, '-');
    return Optional.of(symbols.toString());
  }
}
