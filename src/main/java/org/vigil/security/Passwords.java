package org.vigil.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Staff passwords: the rules a new one must pass, and its Argon2id hash, kept as a PHC string
 * ({@code $argon2id$v=19$m=65536,t=3,p=1$salt$hash}) so that the parameters travel with each hash
 * and can be raised later without locking anyone out.
 *
 * <p>Why these parameters: 64 MiB and three passes is RFC 9106's second recommended option
 * ("uniformly safe", for machines with less memory than 2 GiB per hash), and one lane because this
 * machine has two cores and serves reports on them: a hash takes one core for about a quarter of a
 * second (measured in docs/benchmarks.md, "Password hashing"). A GPU guessing against a stolen
 * database pays the same 64 MiB per guess. At most {@link #PARALLEL} hashes run at once, so a burst
 * of sign-ins waits for a core instead of taking a gigabyte of memory.
 */
public final class Passwords {
  /**
   * The shortest password accepted. NIST SP 800-63B (rev. 4, 3.1.1.2) asks for 15 characters when a
   * password is the only factor and allows 8 behind a second one; Vigil has a second factor, but
   * its adversary is a state that may seize a phone with the authenticator on it, so the password
   * alone must still resist offline guessing: 15, a short sentence.
   */
  public static final int MIN_LENGTH = 15;

  /** SP 800-63B asks that at least 64 be allowed; beyond this a password is a denial of service. */
  public static final int MAX_LENGTH = 256;

  static final int MEMORY_KIB = 64 * 1024;
  static final int ITERATIONS = 3;
  static final int LANES = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final int PARALLEL = Math.max(1, Runtime.getRuntime().availableProcessors());
  private static final Semaphore HASHING = new Semaphore(PARALLEL, true);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<String> COMMON = load("common-passwords.txt");

  private Passwords() {}

  /** A rule a new password can break, with its reason in English. */
  public enum Rule {
    REQUIRED("required"),
    SHORT("must be at least " + MIN_LENGTH + " characters long"),
    LONG("must be at most " + MAX_LENGTH + " characters long"),
    COMMON("is one of the most common passwords; choose another"),
    NAME("must not contain the user name");

    private final String reason;

    Rule(String reason) {
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }

    /** The rule's name in texts and forms: {@code short}, {@code common}, … */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The rule {@code password} breaks if {@code userName} chose it, or empty if it may be chosen.
   * Characters are counted as a person sees them (code points after NFC), so "ё" is one.
   */
  public static Optional<Rule> broken(String password, String userName) {
    if (password == null || password.isEmpty()) return Optional.of(Rule.REQUIRED);
    String text = Normalizer.normalize(password, Normalizer.Form.NFC);
    int length = text.codePointCount(0, text.length());
    if (length < MIN_LENGTH) return Optional.of(Rule.SHORT);
    if (length > MAX_LENGTH) return Optional.of(Rule.LONG);
    String folded = text.toLowerCase(Locale.ROOT);
    if (COMMON.contains(folded) || text.codePoints().distinct().count() <= 2) {
      return Optional.of(Rule.COMMON);
    }
    if (userName != null && folded.contains(userName.toLowerCase(Locale.ROOT))) {
      return Optional.of(Rule.NAME);
    }
    return Optional.empty();
  }

  /** Why {@code password} may not be chosen by {@code userName}, in English, or empty if it may. */
  public static Optional<String> refusal(String password, String userName) {
    return broken(password, userName).map(Rule::reason);
  }

  /** The PHC string of a new hash of {@code password}, with a fresh salt. */
  public static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, LANES, HASH_BYTES);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m="
        + MEMORY_KIB
        + ",t="
        + ITERATIONS
        + ",p="
        + LANES
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(hash);
  }

  /**
   * Whether {@code password} matches a PHC string {@link #hash} wrote (with whatever parameters it
   * was written with). A malformed string matches nothing.
   */
  public static boolean verify(String password, String phc) {
    if (password == null || phc == null) return false;
    String[] parts = phc.split("\\$");
    // "", "argon2id", "v=19", "m=…,t=…,p=…", salt, hash
    if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
      return false;
    }
    int memory = 0;
    int iterations = 0;
    int lanes = 0;
    try {
      for (String p : parts[3].split(",")) {
        int value = Integer.parseInt(p.substring(2));
        switch (p.substring(0, 2)) {
          case "m=" -> memory = value;
          case "t=" -> iterations = value;
          case "p=" -> lanes = value;
          default -> {
            return false;
          }
        }
      }
      Base64.Decoder b64 = Base64.getDecoder();
      byte[] salt = b64.decode(parts[4]);
      byte[] expected = b64.decode(parts[5]);
      if (memory < 8 || memory > 1 << 21 || iterations < 1 || iterations > 100) return false;
      if (lanes < 1 || lanes > 16 || expected.length < 16 || expected.length > 64) return false;
      byte[] actual = argon2(password, salt, memory, iterations, lanes, expected.length);
      return MessageDigest.isEqual(actual, expected);
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      return false;
    }
  }

  private static byte[] argon2(
      String password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
    Argon2Parameters params =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKib)
            .withIterations(iterations)
            .withParallelism(lanes)
            .withSalt(salt)
            .build();
    byte[] out = new byte[length];
    byte[] secret =
        Normalizer.normalize(password, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
    // The generator is made inside the limit too: it sets up its memory when it is initialised.
    HASHING.acquireUninterruptibly();
    try {
      Argon2BytesGenerator generator = new Argon2BytesGenerator();
      generator.init(params);
      generator.generateBytes(secret, out);
    } finally {
      HASHING.release();
    }
    return out;
  }

  private static Set<String> load(String name) {
    Set<String> words = new HashSet<>(16_384);
    try (InputStream in = Passwords.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#"))
          words.add(line.strip().toLowerCase(Locale.ROOT));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
