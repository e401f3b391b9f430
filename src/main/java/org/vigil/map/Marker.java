package org.vigil.map;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One circle on {@link RussiaMap}: a place, what to call it when hovered, how many detainees it
 * stands for (the circle's area is proportional to {@code count}), its kind, and where a click
 * leads.
 *
 * @param latitude degrees north (WGS84)
 * @param longitude degrees east; Chukotka may be given either way ({@code -172} or {@code 188})
 * @param label the hover text, shown as given (the map adds neither the count nor a unit: put them
 *     in the label, worded for the page's language); any text, it is escaped
 * @param count detainees; zero draws nothing, negative is refused
 * @param kind selects the circle's CSS class and default colour
 * @param href where the circle links to, or {@code null} for no link: a relative URL or an {@code
 *     http}/{@code https} one; other schemes ({@code javascript:}, {@code data:}) and whitespace or
 *     control characters are refused
 */
public record Marker(
    double latitude, double longitude, String label, long count, Kind kind, String href) {

  /** What a marker stands for; its {@link #cssClass()} is on the circle. */
  public enum Kind {
    /** A protest event: where people were detained. */
    EVENT,
    /** A police station: where detainees were taken. */
    STATION;

    /** {@code event} or {@code station}. */
    public String cssClass() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

  public Marker {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(kind, "kind");
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    if (href != null) {
      checkHref(href);
    }
  }

  private static void checkHref(String href) {
    if (href.isEmpty() || href.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException("href is empty or has whitespace or control characters");
    }
    var scheme = SCHEME.matcher(href);
    if (scheme.find()) {
      var name = scheme.group(1).toLowerCase(Locale.ROOT);
      if (!name.equals("http") && !name.equals("https")) {
        throw new IllegalArgumentException("href scheme not allowed: " + name);
      }
    }
  }
}
