package org.vigil.security;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 30-second steps, six
 * digits, which is what every authenticator app reads from an {@code otpauth://} URI. Written here
 * on {@code javax.crypto.Mac}: the algorithm is a page long, and the Java libraries for it have had
 * no release for years.
 */
public final class Totp {
  /** Seconds per step (RFC 6238's X). */
  public static final int STEP_SECONDS = 30;

  /** Steps either side of now that are accepted: a phone's clock a little off, a slow typist. */
  static final int WINDOW = 1;

  private static final int DIGITS = 6;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Totp() {}

  /** A new secret: 160 bits, the length RFC 4226 recommends for HMAC-SHA1. */
  public static byte[] newSecret() {
    byte[] secret = new byte[20];
    RANDOM.nextBytes(secret);
    return secret;
  }

  /** The step an instant falls in (RFC 6238's T, with T0 = 0). */
  public static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  /** The six-digit code of a step. */
  public static String code(byte[] secret, long step) {
    return code(secret, step, "HmacSHA1", DIGITS);
  }

  /**
   * RFC 4226's HOTP for counter {@code step}, with another HMAC and length as RFC 6238's test
   * vectors use them.
   */
  static String code(byte[] secret, long step, String hmac, int digits) {
    byte[] hash;
    try {
      Mac mac = Mac.getInstance(hmac);
      mac.init(new SecretKeySpec(secret, "RAW"));
      hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(hmac + " is part of every JDK", e);
    }
    int offset = hash[hash.length - 1] & 0x0f;
    int binary =
        (hash[offset] & 0x7f) << 24
            | (hash[offset + 1] & 0xff) << 16
            | (hash[offset + 2] & 0xff) << 8
            | (hash[offset + 3] & 0xff);
    String text = Integer.toString(binary % (int) Math.pow(10, digits));
    return "0".repeat(digits - text.length()) + text;
  }

  /**
   * The step within {@link #WINDOW} of {@code now} whose code is {@code code}, if any and if it is
   * later than {@code lastUsedStep} (a code is good once; pass {@code Long.MIN_VALUE} for none).
   * Every candidate is compared, in constant time, so the answer's timing tells nothing.
   */
  public static OptionalLong verify(byte[] secret, String code, Instant now, long lastUsedStep) {
    if (code == null) return OptionalLong.empty();
    String digits = code.strip().replace(" ", "");
    if (digits.length() != DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return OptionalLong.empty();
    }
    long current = step(now);
    long found = Long.MIN_VALUE;
    for (long step = current - WINDOW; step <= current + WINDOW; step++) {
      boolean same =
          MessageDigest.isEqual(
              code(secret, step).getBytes(StandardCharsets.US_ASCII),
              digits.getBytes(StandardCharsets.US_ASCII));
      if (same && step > lastUsedStep) found = step;
    }
    return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
  }

  /** RFC 4648 base32 without padding: how authenticator apps take a secret typed in by hand. */
  public static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >>> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    return out.toString();
  }

  /** Reads what {@link #base32} wrote. */
  public static byte[] fromBase32(String text) {
    byte[] out = new byte[text.length() * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int i = 0;
    for (char c : text.toCharArray()) {
      int value = BASE32.indexOf(c);
      if (value < 0) throw new IllegalArgumentException("not base32: " + c);
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out[i++] = (byte) (buffer >>> (bits - 8));
        bits -= 8;
      }
    }
    return out;
  }

  /**
   * The {@code otpauth://} URI (Google Authenticator's key URI format) an app reads from the QR
   * code: the issuer and account label, the secret, and the parameters spelled out.
   */
  public static String uri(String issuer, String account, byte[] secret) {
    String label = encode(issuer) + ":" + encode(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + base32(secret)
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
