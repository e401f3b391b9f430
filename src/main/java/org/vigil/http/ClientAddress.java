package org.vigil.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The address of the client a request comes from: what the public rate limit counts by (and an
 * audit trail will record).
 *
 * <p>Behind a reverse proxy, the socket's peer is the proxy, and every reporter would share its
 * address. The proxy says whom it serves in {@code X-Forwarded-For}, appending its own peer to the
 * list it received; anything left of that is whatever the client wrote, so it is trusted only as
 * far as the proxies that wrote it are. Only when the peer is in a trusted block ({@code
 * --trusted-proxy}) is the header read, from the right: addresses in trusted blocks are proxies and
 * skipped, the first other address is the client. An entry that is not an address means the chain
 * cannot be followed: the last trusted hop (the peer, with one proxy) is taken. Without trusted
 * proxies forwarded headers are ignored: anyone could send one and pick a fresh address for each
 * request.
 *
 * <p>RFC 7239's {@code Forwarded} header is not read. A proxy that sets one of the two headers
 * passes the other on from the client untouched, so reading both would let a client name itself;
 * nginx, Caddy, HAProxy and Traefik all set {@code X-Forwarded-For}.
 */
public final class ClientAddress {
  /** Every request of a peer whose address cannot be read (never over TCP) shares this one. */
  private static final InetAddress UNKNOWN = Cidr.literal("0.0.0.0");

  private final List<Cidr> trustedProxies;

  public ClientAddress(List<Cidr> trustedProxies) {
    this.trustedProxies = List.copyOf(trustedProxies);
  }

  /** The client's address for this request. */
  public InetAddress of(Context ctx) {
    InetAddress peer = peer(ctx.req().getRemoteAddr());
    if (trustedProxies.isEmpty()) return peer;
    return of(peer, Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
  }

  /**
   * Whether the client reached Vigil over HTTPS: the request's own scheme, or behind a trusted
   * proxy (whose socket is the peer) the last value of its {@code X-Forwarded-Proto}. Like {@code
   * X-Forwarded-For}, the header is ignored from anyone else, who could otherwise claim HTTPS on a
   * plain connection and be sent a cookie marked Secure that the browser would then refuse.
   */
  public boolean https(Context ctx) {
    if ("https".equalsIgnoreCase(ctx.scheme())) return true;
    if (trustedProxies.isEmpty() || !trusted(peer(ctx.req().getRemoteAddr()))) return false;
    String forwarded = null;
    for (String line : Collections.list(ctx.req().getHeaders("X-Forwarded-Proto"))) {
      for (String value : line.split(",")) forwarded = value.strip();
    }
    return "https".equalsIgnoreCase(forwarded);
  }

  /**
   * The client's address, given the socket's peer and the {@code X-Forwarded-For} header lines in
   * the order received (several lines are one list, as RFC 9110 joins them).
   */
  InetAddress of(InetAddress peer, List<String> forwardedFor) {
    if (!trusted(peer)) return peer;
    List<String> hops = new ArrayList<>();
    for (String line : forwardedFor) {
      for (String hop : line.split(",", -1)) hops.add(hop.strip());
    }
    InetAddress lastTrusted = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      InetAddress hop = hop(hops.get(i));
      if (hop == null) return lastTrusted;
      if (!trusted(hop)) return hop;
      lastTrusted = hop;
    }
    return lastTrusted;
  }

  private boolean trusted(InetAddress address) {
    for (Cidr proxy : trustedProxies) {
      if (proxy.contains(address)) return true;
    }
    return false;
  }

  /** Jetty writes an IPv6 peer in brackets. */
  private static InetAddress peer(String remote) {
    if (remote == null) return UNKNOWN;
    String bare =
        remote.startsWith("[") && remote.endsWith("]")
            ? remote.substring(1, remote.length() - 1)
            : remote;
    InetAddress address = Cidr.literal(bare);
    return address != null ? address : UNKNOWN;
  }

  /**
   * One entry of the header: an address, as proxies write it ({@code 192.0.2.1}, {@code
   * 2001:db8::1}), or with a port as some do ({@code 192.0.2.1:4711}, {@code [2001:db8::1]:4711});
   * null if it is none of these ({@code unknown}, a name, an empty entry).
   */
  private static InetAddress hop(String entry) {
    if (entry.startsWith("[")) {
      int close = entry.indexOf(']');
      if (close < 0 || !isPortOrNothing(entry.substring(close + 1))) return null;
      return Cidr.literal(entry.substring(1, close));
    }
    int colon = entry.indexOf(':');
    if (colon >= 0 && colon == entry.lastIndexOf(':')) { // IPv4 with a port
      return isPortOrNothing(entry.substring(colon))
          ? Cidr.literal(entry.substring(0, colon))
          : null;
    }
    return Cidr.literal(entry);
  }

  private static boolean isPortOrNothing(String text) {
    return text.isEmpty()
        || text.length() >= 2
            && text.length() <= 6
            && text.charAt(0) == ':'
            && text.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
