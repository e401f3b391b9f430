package org.vigil.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Signed-in browsers, kept in the database so that a restarted node, or another node behind the
 * same load balancer, knows them. The browser holds a random 256-bit id in a cookie; the table
 * holds its SHA-256, so a copy of the database opens no session. A session ends when it is idle for
 * {@code idle}, {@code lifetime} after sign-in whatever happens, on sign-out, and when its user is
 * disabled. Nothing is cached: every request reads its session, so an ended session is refused by
 * every node at once.
 */
public final class Sessions {
  /**
   * How stale the last-seen time may be before a request writes it again: a page that makes five
   * requests writes once, not five times. The idle timeout is therefore exact to this much.
   */
  static final Duration TOUCH = Duration.ofMinutes(1);

  private final Jdbi jdbi;
  private final Clock clock;
  private final Duration idle;
  private final Duration lifetime;

  public Sessions(Jdbi jdbi, Clock clock, Duration idle, Duration lifetime) {
    if (idle.isNegative() || idle.isZero() || lifetime.compareTo(idle) < 0) {
      throw new IllegalArgumentException("a session's lifetime must be at least its idle timeout");
    }
    this.jdbi = jdbi;
    this.clock = clock;
    this.idle = idle;
    this.lifetime = lifetime;
  }

  /** A new session's id (for the cookie, never stored) and its CSRF token. */
  public record Opened(String id, String csrf) {}

  /** Whose a live session is, and the CSRF token its state-changing requests must carry. */
  public record Live(Principal principal, String displayName, String csrf) {}

  /** Opens a session for a user who has just proved who they are. */
  public Opened open(String userId) {
    String id = Accounts.newSecret();
    String csrf = Accounts.newSecret();
    long now = clock.millis();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO sessions (hash, user_id, csrf, created_at, last_seen_at)
                    VALUES (:hash, :user, :csrf, :now, :now)""")
                .bind("hash", Accounts.hash(id))
                .bind("user", userId)
                .bind("csrf", csrf)
                .bind("now", now)
                .execute());
    return new Opened(id, csrf);
  }

  /**
   * The live session with this id, if it has not ended, is neither idle nor too old, and its user
   * is not disabled; it counts as a sign of life.
   */
  public Optional<Live> find(String id) {
    if (id == null || id.length() != 43) return Optional.empty();
    long now = clock.millis();
    String hash = Accounts.hash(id);
    return jdbi.withHandle(
        h -> {
          Optional<Row> row =
              h.createQuery(
                      """
                      SELECT u.id, u.name, u.role, u.display_name, s.csrf, s.last_seen_at
                      FROM sessions s JOIN users u ON u.id = s.user_id
                      WHERE s.hash = :hash AND s.ended_at IS NULL AND u.disabled_at IS NULL
                        AND s.last_seen_at > :idleSince AND s.created_at > :bornSince""")
                  .bind("hash", hash)
                  .bind("idleSince", now - idle.toMillis())
                  .bind("bornSince", now - lifetime.toMillis())
                  .map(
                      (rs, ctx) ->
                          new Row(
                              new Live(
                                  Accounts.principal(
                                      rs.getString(1), rs.getString(2), rs.getString(3)),
                                  rs.getString(4),
                                  rs.getString(5)),
                              rs.getLong(6)))
                  .findOne();
          row.filter(r -> now - r.lastSeen() >= TOUCH.toMillis())
              .ifPresent(
                  r ->
                      h.createUpdate(
                              "UPDATE sessions SET last_seen_at = :now WHERE hash = :hash"
                                  + " AND last_seen_at < :now")
                          .bind("now", now)
                          .bind("hash", hash)
                          .execute());
          return row.map(Row::live);
        });
  }

  private record Row(Live live, long lastSeen) {}

  /** Ends one session (sign-out). */
  public void end(String id) {
    if (id == null) return;
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE sessions SET ended_at = :now WHERE hash = :hash AND ended_at IS NULL")
                .bind("now", clock.millis())
                .bind("hash", Accounts.hash(id))
                .execute());
  }

  /** Ends every session of a user; returns how many were open. */
  public int endAll(String userId) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "UPDATE sessions SET ended_at = :now WHERE user_id = :user AND ended_at IS NULL")
                .bind("now", clock.millis())
                .bind("user", userId)
                .execute());
  }

  public Duration idle() {
    return idle;
  }

  public Duration lifetime() {
    return lifetime;
  }
}
