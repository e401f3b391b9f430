package org.vigil.security;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;

/**
 * Signing in to the console: a name, a password and the authenticator's current code, all three
 * checked on every try and answered with one verdict, so the answer never says which was wrong. An
 * unknown name, a user without a password and a disabled user cost the same Argon2id hash as a real
 * check (against a dummy hash), so timing does not tell them apart either.
 */
public final class SignIn {
  private final Jdbi jdbi;
  private final Vault vault;
  private final Sessions sessions;
  private final SignInThrottle throttle;
  private final Clock clock;
  private final String dummy = Passwords.hash("not a password anyone has: " + System.nanoTime());

  public SignIn(Jdbi jdbi, Vault vault, Sessions sessions, SignInThrottle throttle, Clock clock) {
    this.jdbi = jdbi;
    this.vault = vault;
    this.sessions = sessions;
    this.throttle = throttle;
    this.clock = clock;
  }

  /** What became of a try. */
  public sealed interface Outcome {}

  /** Signed in: the new session. */
  public record Success(Principal user, Sessions.Opened session) implements Outcome {}

  /** Some part was wrong (which is not said). */
  public record Failure() implements Outcome {}

  /** Too many failures: not even checked; try again after this long. */
  public record Throttled(Duration retryAfter) implements Outcome {}

  public Outcome attempt(String name, String password, String code, InetAddress client) {
    String account = name == null ? "" : name.strip();
    Optional<Duration> wait = throttle.wait(account, client);
    if (wait.isPresent()) return new Throttled(wait.get());
    Optional<Stored> stored = account.isEmpty() ? Optional.empty() : load(account);
    boolean passwordOk;
    OptionalLong step = OptionalLong.empty();
    if (stored.isPresent()) {
      Stored s = stored.get();
      passwordOk = Passwords.verify(password == null ? "" : password, s.phc());
      byte[] secret =
          Totp.fromBase32(vault.open(s.secretEnc(), "users.totp_secret/" + s.user().userId()));
      step = Totp.verify(secret, code, clock.instant(), s.lastStep());
    } else {
      Passwords.verify(password == null ? "" : password, dummy);
      passwordOk = false;
    }
    if (passwordOk && step.isPresent() && consume(stored.get().user().userId(), step.getAsLong())) {
      throttle.succeeded(account);
      return new Success(stored.get().user(), sessions.open(stored.get().user().userId()));
    }
    throttle.failed(account, client);
    return new Failure();
  }

  private record Stored(Principal user, String phc, byte[] secretEnc, long lastStep) {}

  private Optional<Stored> load(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT id, name, role, password_hash, totp_secret_enc, totp_last_step
                    FROM users
                    WHERE name = :name AND disabled_at IS NULL AND password_hash IS NOT NULL
                      AND totp_secret_enc IS NOT NULL""")
                .bind("name", name)
                .map(
                    (rs, ctx) -> {
                      long last = rs.getLong(6);
                      if (rs.wasNull()) last = Long.MIN_VALUE;
                      return new Stored(
                          Accounts.principal(rs.getString(1), rs.getString(2), rs.getString(3)),
                          rs.getString(4),
                          rs.getBytes(5),
                          last);
                    })
                .findOne());
  }

  /**
   * Marks a code's step used, unless a concurrent sign-in used it (or a later one) first: a code is
   * good for one sign-in, on every node.
   */
  private boolean consume(String userId, long step) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
                        UPDATE users SET totp_last_step = :step, last_sign_in_at = :now
                        WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)""")
                    .bind("step", step)
                    .bind("now", clock.millis())
                    .bind("id", userId)
                    .execute())
        == 1;
  }
}
