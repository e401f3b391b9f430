package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.http.CidrTest.ip;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The client address from X-Forwarded-For chains, as a proxy and a client may write them. */
class ClientAddressTest {
  private static final ClientAddress NOBODY = new ClientAddress(List.of());
  private static final ClientAddress PROXIES =
      new ClientAddress(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("fd00::/8")));

  @Test
  void without_trusted_proxies_the_header_is_ignored() {
    assertThat(NOBODY.of(ip("10.0.0.1"), List.of("203.0.113.7"))).isEqualTo(ip("10.0.0.1"));
  }

  @Test
  void a_peer_outside_the_trusted_blocks_is_the_client_whatever_it_says() {
    assertThat(PROXIES.of(ip("198.51.100.1"), List.of("203.0.113.7")))
        .isEqualTo(ip("198.51.100.1"));
  }

  @Test
  void the_first_untrusted_address_from_the_right_is_the_client() {
    assertThat(PROXIES.of(ip("10.0.0.1"), List.of("203.0.113.7"))).isEqualTo(ip("203.0.113.7"));
    // the client wrote a header of its own; the proxy appended its peer
    assertThat(PROXIES.of(ip("10.0.0.1"), List.of("1.1.1.1, 2.2.2.2, 203.0.113.7")))
        .isEqualTo(ip("203.0.113.7"));
    // two proxies: the inner one is skipped
    assertThat(PROXIES.of(ip("10.0.0.1"), List.of("203.0.113.7, 10.9.9.9")))
        .isEqualTo(ip("203.0.113.7"));
    // several header lines are one list
    assertThat(PROXIES.of(ip("10.0.0.1"), List.of("1.1.1.1", "203.0.113.7, 10.2.2.2")))
        .isEqualTo(ip("203.0.113.7"));
  }

  @Test
  void ipv6_and_ports_are_read() {
    assertThat(PROXIES.of(ip("fd00::1"), List.of("2001:db8::7"))).isEqualTo(ip("2001:db8::7"));
    assertThat(PROXIES.of(ip("fd00::1"), List.of("[2001:db8::7]:4711")))
        .isEqualTo(ip("2001:db8::7"));
    assertThat(PROXIES.of(ip("10.0.0.1"), List.of("203.0.113.7:4711")))
        .isEqualTo(ip("203.0.113.7"));
    assertThat(PROXIES.of(ip("fd00::1"), List.of("203.0.113.7, [fd00::2]")))
        .isEqualTo(ip("203.0.113.7"));
  }

  @Test
  void a_malformed_entry_stops_at_the_last_trusted_hop() {
    assertThat(PROXIES.of(ip("10.0.0.1"), List.of("unknown"))).isEqualTo(ip("10.0.0.1"));
    assertThat(PROXIES.of(ip("10.0.0.1"), List.of("203.0.113.7, garbage")))
        .isEqualTo(ip("10.0.0.1"));
    assertThat(PROXIES.of(ip("10.0.0.1"), List.of("203.0.113.7, ")))
        .as("an empty entry")
        .isEqualTo(ip("10.0.0.1"));
    assertThat(PROXIES.of(ip("10.0.0.1"), List.of("garbage, 10.5.5.5"))).isEqualTo(ip("10.5.5.5"));
    assertThat(PROXIES.of(ip("10.0.0.1"), List.of("example.org"))).isEqualTo(ip("10.0.0.1"));
    assertThat(PROXIES.of(ip("10.0.0.1"), List.of("[2001:db8::7"))).isEqualTo(ip("10.0.0.1"));
    assertThat(PROXIES.of(ip("10.0.0.1"), List.of("203.0.113.7:port"))).isEqualTo(ip("10.0.0.1"));
  }

  @Test
  void with_no_header_or_only_proxies_the_farthest_trusted_hop_is_the_client() {
    assertThat(PROXIES.of(ip("10.0.0.1"), List.of())).isEqualTo(ip("10.0.0.1"));
    assertThat(PROXIES.of(ip("10.0.0.1"), List.of("10.3.3.3, 10.2.2.2"))).isEqualTo(ip("10.3.3.3"));
  }
}
