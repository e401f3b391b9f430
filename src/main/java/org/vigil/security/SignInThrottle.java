package org.vigil.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows, then stops, guessing at the sign-in form: failed sign-ins are counted per account name and
 * per client address, in the database, so that every node of a cluster counts the same guesses.
 * Past a few free failures each further try must wait twice as long as the one before (1 s, 2 s, 4
 * s, …); past the limit the account (or the address) is refused for 15 minutes. A count is
 * forgotten 15 minutes after its last failure, and an account's on a successful sign-in; an
 * address's is not, so signing in to one's own account does not buy more guesses at others.
 *
 * <p>Unknown names are counted like real ones, so the answers tell nobody which names exist. The
 * price: anyone can lock a known account name for 15 minutes by failing ten times. A locked
 * account's owner still has their bearer tokens, and an admin sees the lock end on its own; for a
 * volunteer on a protest day an attacker who can do this is also one the lock keeps out.
 */
public final class SignInThrottle {
  /** How a kind of subject is throttled. */
  record Policy(String kind, int freeFailures, int lockAfter, Duration lockFor) {}

  static final Policy ACCOUNT = new Policy("account", 3, 10, Duration.ofMinutes(15));

  /** An office of volunteers behind one NAT address gets more room than one account. */
  static final Policy ADDRESS = new Policy("address", 10, 50, Duration.ofMinutes(15));

  private static final Duration LONGEST_SLOWDOWN = Duration.ofMinutes(2);
  private final Jdbi jdbi;
  private final Clock clock;

  public SignInThrottle(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** How long until another try is allowed for this name from this address; empty: now. */
  public Optional<Duration> wait(String account, InetAddress address) {
    Duration a = wait(ACCOUNT, accountKey(account));
    Duration b = wait(ADDRESS, addressKey(address));
    Duration longest = a.compareTo(b) >= 0 ? a : b;
    return longest.isZero() ? Optional.empty() : Optional.of(longest);
  }

  /** Counts a failed try against both the name and the address. */
  public void failed(String account, InetAddress address) {
    long now = clock.millis();
    jdbi.useTransaction(
        h -> {
          count(h, ACCOUNT, accountKey(account), now);
          count(h, ADDRESS, addressKey(address), now);
          // Counts older than every policy's memory are dead weight.
          h.createUpdate("DELETE FROM sign_in_failures WHERE last_failure_at <= :old")
              .bind("old", now - Duration.ofHours(1).toMillis())
              .execute();
        });
  }

  /** One more failure of a subject, or the first one again if its last is forgotten. */
  private static void count(Handle h, Policy policy, String subject, long now) {
    h.createUpdate(
            """
            INSERT INTO sign_in_failures (subject, failures, last_failure_at)
            VALUES (:subject, 1, :now)
            ON CONFLICT (subject) DO UPDATE SET
              failures = CASE WHEN sign_in_failures.last_failure_at <= :forgotten THEN 1
                              ELSE sign_in_failures.failures + 1 END,
              last_failure_at = :now""")
        .bind("subject", subject)
        .bind("now", now)
        .bind("forgotten", now - policy.lockFor().toMillis())
        .execute();
  }

  /** Forgets an account's failures once its owner has signed in. */
  public void succeeded(String account) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM sign_in_failures WHERE subject = :subject")
                .bind("subject", accountKey(account))
                .execute());
  }

  private Duration wait(Policy policy, String subject) {
    long now = clock.millis();
    Optional<long[]> row =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT failures, last_failure_at FROM sign_in_failures"
                            + " WHERE subject = :subject")
                    .bind("subject", subject)
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .findOne());
    if (row.isEmpty()) return Duration.ZERO;
    long failures = row.get()[0];
    long last = row.get()[1];
    if (now - last >= policy.lockFor().toMillis()) return Duration.ZERO;
    Duration pause;
    if (failures >= policy.lockAfter()) {
      pause = policy.lockFor();
    } else if (failures > policy.freeFailures()) {
      long seconds = 1L << Math.min(20, failures - policy.freeFailures() - 1);
      pause = Duration.ofSeconds(seconds);
      if (pause.compareTo(LONGEST_SLOWDOWN) > 0) pause = LONGEST_SLOWDOWN;
    } else {
      return Duration.ZERO;
    }
    long left = last + pause.toMillis() - now;
    return left > 0 ? Duration.ofMillis(left) : Duration.ZERO;
  }

  static String accountKey(String account) {
    String name = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    return Accounts.hash(ACCOUNT.kind() + ":" + name);
  }

  /** An IPv6 client is counted by its /64, as one subscriber is given a whole /64. */
  static String addressKey(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address) bytes = Arrays.copyOf(bytes, 8);
    return Accounts.hash(ADDRESS.kind() + ":" + HexFormat.of().formatHex(bytes));
  }
}
