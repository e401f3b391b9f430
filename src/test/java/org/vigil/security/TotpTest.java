package org.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TOTP against RFC 6238's Appendix B, and the rules Vigil adds: a window, and no replays. */
class TotpTest {
  private static final byte[] SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA256 =
      "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA512 =
      "1234567890123456789012345678901234567890123456789012345678901234"
          .getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest
  @CsvSource({
    "59, 94287082, 46119246, 90693936",
    "1111111109, 07081804, 68084774, 25091201",
    "1111111111, 14050471, 67062674, 99943326",
    "1234567890, 89005924, 91819424, 93441116",
    "2000000000, 69279037, 90698825, 38618901",
    "20000000000, 65353130, 77737706, 47863826"
  })
  void rfc_6238_appendix_b(long seconds, String sha1, String sha256, String sha512) {
    long step = Totp.step(Instant.ofEpochSecond(seconds));
    assertThat(Totp.code(SHA1, step, "HmacSHA1", 8)).isEqualTo(sha1);
    assertThat(Totp.code(SHA256, step, "HmacSHA256", 8)).isEqualTo(sha256);
    assertThat(Totp.code(SHA512, step, "HmacSHA512", 8)).isEqualTo(sha512);
    // the six digits apps show are the last six of the same value
    assertThat(Totp.code(SHA1, step)).isEqualTo(sha1.substring(2));
  }

  @Test
  void a_code_is_good_one_step_either_side_and_only_once() {
    Instant now = Instant.ofEpochSecond(1_111_111_111);
    long step = Totp.step(now);
    for (long s = step - 1; s <= step + 1; s++) {
      assertThat(Totp.verify(SHA1, Totp.code(SHA1, s), now, Long.MIN_VALUE)).hasValue(s);
    }
    assertThat(Totp.verify(SHA1, Totp.code(SHA1, step - 2), now, Long.MIN_VALUE)).isEmpty();
    assertThat(Totp.verify(SHA1, Totp.code(SHA1, step + 2), now, Long.MIN_VALUE)).isEmpty();
    // used at this step: neither it nor an earlier one again
    assertThat(Totp.verify(SHA1, Totp.code(SHA1, step), now, step)).isEmpty();
    assertThat(Totp.verify(SHA1, Totp.code(SHA1, step - 1), now, step)).isEmpty();
    assertThat(Totp.verify(SHA1, Totp.code(SHA1, step + 1), now, step)).hasValue(step + 1);
    // typed with a space, as apps show it
    String code = Totp.code(SHA1, step);
    assertThat(Totp.verify(SHA1, code.substring(0, 3) + " " + code.substring(3), now, 0))
        .hasValue(step);
    assertThat(Totp.verify(SHA1, "12345", now, 0)).isEmpty();
    assertThat(Totp.verify(SHA1, "abcdef", now, 0)).isEmpty();
    assertThat(Totp.verify(SHA1, null, now, 0)).isEmpty();
  }

  @Test
  void base32_and_the_key_uri() {
    // RFC 4648's test vectors
    assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    assertThat(Totp.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
    assertThat(new String(Totp.fromBase32("MZXW6YTBOI"), StandardCharsets.US_ASCII))
        .isEqualTo("foobar");
    byte[] secret = Totp.newSecret();
    assertThat(secret).hasSize(20);
    assertThat(Totp.fromBase32(Totp.base32(secret))).isEqualTo(secret);
    assertThat(Totp.uri("ОВД-Инфо", "anna", SHA1))
        .isEqualTo(
            "otpauth://totp/%D0%9E%D0%92%D0%94-%D0%98%D0%BD%D1%84%D0%BE:anna"
                + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=%D0%9E%D0%92%D0%94-%D0%98%D0%BD%D1%84%D0%BE"
                + "&algorithm=SHA1&digits=6&period=30");
  }
}
