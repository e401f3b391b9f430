package org.vigil.http;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** What a link Vigil stores and shows to the public may be. */
final class Urls {
  /** Longer links are not typed or pasted by people; browsers and proxies cut them. */
  static final int MAX_LENGTH = 2000;

  private Urls() {}

  /**
   * Why {@code value} is not an absolute http(s) URL with a host, or null if it is. A link Vigil
   * serves is followed by readers: {@code javascript:} would run in their browser, {@code data:}
   * would show them a page Vigil did not write, and {@code //host} or {@code http:/x} are typos
   * that browsers read differently. User information ({@code https://ovd.info@evil.example}) is
   * refused too: it makes a link look as if it went to another host than it does.
   */
  static String refusal(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      return "must be a URL like https://example.org/page (" + e.getReason() + ")";
    }
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.toLowerCase(Locale.ROOT).equals("http")
            || scheme.toLowerCase(Locale.ROOT).equals("https"))) {
      return "must be an http or https URL, like https://example.org/page";
    }
    if (uri.isOpaque() || uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
      return "must be an absolute URL with a host, like https://example.org/page";
    }
    if (uri.getRawUserInfo() != null) {
      return "must not contain a user name before the host";
    }
    if (uri.getHost() == null && !isInternationalHost(uri.getRawAuthority())) {
      return "must have a valid host name";
    }
    return null;
  }

  /**
   * Whether an authority java.net.URI left unparsed (it reads only ASCII host names) is an
   * internationalised host name with an optional port, such as {@code овд-инфо.рф}.
   */
  private static boolean isInternationalHost(String authority) {
    if (authority.contains("@")) return false;
    int colon = authority.lastIndexOf(':');
    String host = authority;
    if (colon >= 0) {
      String port = authority.substring(colon + 1);
      if (!port.isEmpty() && !port.chars().allMatch(Character::isDigit)) return false;
      host = authority.substring(0, colon);
    }
    try {
      String ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
      return !ascii.isEmpty() && new URI("http", ascii, "/", null).getHost() != null;
    } catch (IllegalArgumentException | URISyntaxException e) {
      return false;
    }
  }
}
