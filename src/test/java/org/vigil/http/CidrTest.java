package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class CidrTest {
  @Test
  void ipv4_blocks_contain_their_addresses_only() {
    Cidr block = Cidr.parse("10.1.0.0/16");
    assertThat(block.contains(ip("10.1.0.0"))).isTrue();
    assertThat(block.contains(ip("10.1.255.255"))).isTrue();
    assertThat(block.contains(ip("10.2.0.1"))).isFalse();
    assertThat(Cidr.parse("192.168.0.0/20").contains(ip("192.168.15.1"))).isTrue();
    assertThat(Cidr.parse("192.168.0.0/20").contains(ip("192.168.16.1"))).isFalse();
    assertThat(Cidr.parse("127.0.0.1").contains(ip("127.0.0.1"))).isTrue();
    assertThat(Cidr.parse("127.0.0.1").contains(ip("127.0.0.2"))).isFalse();
    assertThat(Cidr.parse("0.0.0.0/0").contains(ip("203.0.113.9"))).isTrue();
    assertThat(Cidr.parse("127.0.0.1/32")).hasToString("127.0.0.1/32");
  }

  @Test
  void ipv6_blocks_contain_their_addresses_only() {
    Cidr block = Cidr.parse("2001:db8::/32");
    assertThat(block.contains(ip("2001:db8:ffff::1"))).isTrue();
    assertThat(block.contains(ip("2001:db9::1"))).isFalse();
    assertThat(Cidr.parse("fd00::/8").contains(ip("fdab::1"))).isTrue();
    assertThat(Cidr.parse("::1/128").contains(ip("::1"))).isTrue();
    assertThat(Cidr.parse("::1").contains(ip("::2"))).isFalse();
    assertThat(Cidr.parse("2001:db8::/33").contains(ip("2001:db8:8000::1"))).isFalse();
  }

  @Test
  void an_ipv4_address_is_never_in_an_ipv6_block_nor_the_reverse() {
    assertThat(Cidr.parse("::/0").contains(ip("10.0.0.1"))).isFalse();
    assertThat(Cidr.parse("0.0.0.0/0").contains(ip("::1"))).isFalse();
    // an IPv4-mapped IPv6 address is the IPv4 address
    assertThat(Cidr.parse("10.0.0.0/8").contains(Cidr.literal("::ffff:10.1.2.3"))).isTrue();
  }

  @Test
  void bad_blocks_are_refused_with_the_text_named() {
    for (String bad :
        new String[] {
          "",
          "10.0.0.0/33",
          "10.0.0.0/",
          "10.0.0.0/-1",
          "10.0.0.0/8/8",
          "10.0.0/8",
          "256.0.0.0/8",
          "10.0.0.0.0",
          "::/129",
          "fe80::1%eth0",
          "localhost",
          "example.org/24",
          "1.2.3.4 /8",
          "٣.٣.٣.٣",
          "10.0.0.0/٨",
          "2001:db8::g/32",
          "1:2:3:4:5:6:7:8:9"
        }) {
      assertThatThrownBy(() -> Cidr.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
    assertThatThrownBy(() -> Cidr.parse("10.0.0.1/8"))
        .hasMessageContaining("did you mean 10.0.0.0/8?");
  }

  @Test
  void literals_are_read_without_any_lookup() {
    assertThat(Cidr.literal("localhost")).isNull();
    assertThat(Cidr.literal("abc.def")).isNull();
    assertThat(Cidr.literal("beef")).isNull();
    assertThat(Cidr.literal("1.2.3")).isNull();
    assertThat(Cidr.literal("01.2.3.4")).as("octal to some readers").isNull();
    assertThat(Cidr.literal("0.0.0.0")).isNotNull();
    assertThat(Cidr.literal("2001:DB8::1")).isEqualTo(ip("2001:db8::1"));
  }

  static InetAddress ip(String literal) {
    InetAddress address = Cidr.literal(literal);
    assertThat(address).as(literal).isNotNull();
    return address;
  }
}
