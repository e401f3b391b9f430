package org.vigil.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A block of IP addresses, IPv4 or IPv6, written in CIDR notation ({@code 10.0.0.0/8}, {@code
 * 2001:db8::/32}) or as one address ({@code 127.0.0.1}, a block of one).
 */
public record Cidr(InetAddress network, int prefix) {
  public Cidr {
    int bits = network.getAddress().length * 8;
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("the prefix must be between 0 and " + bits);
    }
  }

  /**
   * Reads a block; refuses a host name (it would need DNS, which may lie) and a block with host
   * bits set ({@code 10.0.0.1/8}: a typo for one address or for the network, it is not clear).
   *
   * @throws IllegalArgumentException naming {@code text} and what is wrong with it
   */
  public static Cidr parse(String text) {
    String value = text.strip();
    int slash = value.indexOf('/');
    String address = slash < 0 ? value : value.substring(0, slash);
    InetAddress network = literal(address);
    if (network == null) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an IP address or network, like 10.0.0.0/8 or 2001:db8::/32");
    }
    int bits = network.getAddress().length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String length = value.substring(slash + 1);
      if (length.isEmpty()
          || length.length() > 3
          || !length.chars().allMatch(c -> c >= '0' && c <= '9')
          || Integer.parseInt(length) > bits) {
        throw new IllegalArgumentException(
            "'" + text + "': the prefix after / must be a number from 0 to " + bits);
      }
      prefix = Integer.parseInt(length);
    }
    Cidr cidr = new Cidr(masked(network, prefix), prefix);
    if (!cidr.network().equals(network)) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' has bits set beyond its /"
              + prefix
              + " prefix: did you mean "
              + cidr
              + "?");
    }
    return cidr;
  }

  /** Whether {@code address} is in this block (an IPv4 address is never in an IPv6 block). */
  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    byte[] n = network.getAddress();
    if (a.length != n.length) return false;
    int whole = prefix / 8;
    for (int i = 0; i < whole; i++) {
      if (a[i] != n[i]) return false;
    }
    int rest = prefix % 8;
    if (rest == 0) return true;
    int mask = 0xFF << (8 - rest) & 0xFF;
    return (a[whole] & mask) == (n[whole] & mask);
  }

  @Override
  public String toString() {
    return network.getHostAddress() + "/" + prefix;
  }

  /**
   * An IP address written as a literal ({@code 192.0.2.1}, {@code 2001:db8::1}), or null: never a
   * host name, so never a DNS lookup. An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) is the
   * IPv4 address, as Java reads it.
   */
  static InetAddress literal(String text) {
    if (text.isEmpty() || text.length() > 45) return null;
    try {
      if (text.indexOf(':') >= 0) {
        boolean hexDotsColons =
            text.chars()
                .allMatch(
                    c ->
                        c >= '0' && c <= '9'
                            || c >= 'a' && c <= 'f'
                            || c >= 'A' && c <= 'F'
                            || c == ':'
                            || c == '.');
        // in brackets, Java reads the text as an IPv6 literal or refuses it, never looks it up
        return hexDotsColons ? InetAddress.getByName("[" + text + "]") : null;
      }
      String[] parts = text.split("\\.", -1);
      if (parts.length != 4) return null;
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        String part = parts[i];
        // a leading zero is octal to some readers (010 is 8 to inet_aton): ambiguous, refused
        if (part.isEmpty()
            || part.length() > 3
            || part.length() > 1 && part.charAt(0) == '0'
            || !part.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
        int value = Integer.parseInt(part);
        if (value > 255) return null;
        bytes[i] = (byte) value;
      }
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static InetAddress masked(InetAddress address, int prefix) {
    byte[] bytes = address.getAddress();
    for (int i = 0; i < bytes.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      bytes[i] &= (byte) (0xFF << (8 - keep));
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("an address of 4 or 16 bytes is always valid", e);
    }
  }
}
