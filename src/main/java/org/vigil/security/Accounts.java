package org.vigil.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.vigil.storage.Ids;

/**
 * Users and their bearer tokens. A token is shown once, when it is created; the database keeps only
 * its SHA-256, so a stolen database yields no usable token.
 */
public final class Accounts {
  private static final String TOKEN_PREFIX = "vgl_";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Jdbi jdbi;
  // A token is checked on every request; a short cache, keyed by the token itself (it never
  // leaves memory), spares the database and the hash most of those checks. A revoked token
  // therefore stops working within this delay.
  private final Cache<String, Optional<Principal>> byToken =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(10)).build();

  public Accounts(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Adds a user; fails with a clear message if the name is taken. */
  public Principal addUser(String name, Role role) {
    return addUser(name, role, null);
  }

  /**
   * Adds a user with the name their public work appears under ({@code displayName}, e.g. an
   * editor's pen name); without one it appears under the group's name, never the account's.
   */
  public Principal addUser(String name, Role role, String displayName) {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException("user name must be 1 to 100 characters");
    }
    if (displayName != null && (displayName.isBlank() || displayName.length() > 100)) {
      throw new IllegalArgumentException("--display-name must be 1 to 100 characters");
    }
    if (findUser(name).isPresent()) {
      throw new IllegalArgumentException("a user named '" + name + "' already exists");
    }
    String id = Ids.next();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO users (id, name, role, display_name, created_at)
                    VALUES (:id, :name, :role, :displayName, :at)""")
                .bind("id", id)
                .bind("name", name)
                .bind("displayName", displayName == null ? null : displayName.strip())
                .bind("role", role.code())
                .bind("at", System.currentTimeMillis())
                .execute());
    return new Principal(id, name, role);
  }

  public Optional<Principal> findUser(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id, name, role FROM users WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> principal(rs.getString(1), rs.getString(2), rs.getString(3)))
                .findOne());
  }

  /** Creates a new bearer token for a user and returns it; only its hash is stored. */
  public String createToken(String userName) {
    Principal user =
        findUser(userName)
            .orElseThrow(() -> new IllegalArgumentException("no user named '" + userName + "'"));
    if (disabled(user.userId())) {
      throw new IllegalArgumentException("the user '" + userName + "' is disabled");
    }
    String token = TOKEN_PREFIX + newSecret();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO tokens (hash, user_id, created_at) VALUES (:hash, :user, :at)")
                .bind("hash", hash(token))
                .bind("user", user.userId())
                .bind("at", System.currentTimeMillis())
                .execute());
    return token;
  }

  /** The user a bearer token belongs to, if the token is known and not revoked. */
  public Optional<Principal> authenticate(String token) {
    if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
      return Optional.empty();
    }
    return byToken.get(token, t -> lookup(hash(t)));
  }

  private Optional<Principal> lookup(String hash) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT u.id, u.name, u.role FROM tokens t JOIN users u ON u.id = t.user_id
                    WHERE t.hash = :hash AND t.revoked_at IS NULL AND u.disabled_at IS NULL""")
                .bind("hash", hash)
                .map((rs, ctx) -> principal(rs.getString(1), rs.getString(2), rs.getString(3)))
                .findOne());
  }

  /**
   * Disables a user: in one transaction every token of theirs is revoked and every session ended,
   * and neither can be made again. This node forgets its cached token checks at once; another node
   * of a cluster may accept a token it checked within the last 10 seconds until its cache entry
   * expires (SECURITY.md).
   *
   * @param by the admin who did it, or null from the command line
   * @return the user, or empty if there is none of that name
   */
  public Optional<Principal> disable(String name, String by) {
    Optional<Principal> user = findUser(name);
    user.ifPresent(
        u ->
            jdbi.useTransaction(
                h -> {
                  long now = System.currentTimeMillis();
                  h.createUpdate(
                          """
                          UPDATE users SET disabled_at = :now, disabled_by = :by
                          WHERE id = :id AND disabled_at IS NULL""")
                      .bind("now", now)
                      .bind("by", by)
                      .bind("id", u.userId())
                      .execute();
                  h.createUpdate(
                          "UPDATE tokens SET revoked_at = :now"
                              + " WHERE user_id = :id AND revoked_at IS NULL")
                      .bind("now", now)
                      .bind("id", u.userId())
                      .execute();
                  h.createUpdate(
                          "UPDATE sessions SET ended_at = :now"
                              + " WHERE user_id = :id AND ended_at IS NULL")
                      .bind("now", now)
                      .bind("id", u.userId())
                      .execute();
                }));
    byToken.invalidateAll();
    return user;
  }

  /** A user as the admin page lists them. */
  public record Listed(
      String id, String name, Role role, String displayName, Status status, Instant lastSignIn) {}

  /** Where a user stands with the console. */
  public enum Status {
    /** No password yet: bearer tokens only, or an invitation not yet accepted. */
    NO_PASSWORD,
    ACTIVE,
    DISABLED;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** Every user, by name. */
  public List<Listed> list() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT id, name, role, display_name, password_hash IS NOT NULL,
                           disabled_at, last_sign_in_at
                    FROM users ORDER BY name""")
                .map(
                    (rs, ctx) -> {
                      long disabled = rs.getLong(6);
                      boolean wasDisabled = !rs.wasNull();
                      long signedIn = rs.getLong(7);
                      Instant last = rs.wasNull() ? null : Instant.ofEpochMilli(signedIn);
                      Status status =
                          wasDisabled
                              ? Status.DISABLED
                              : rs.getBoolean(5) ? Status.ACTIVE : Status.NO_PASSWORD;
                      return new Listed(
                          rs.getString(1),
                          rs.getString(2),
                          Role.parse(rs.getString(3)).orElseThrow(),
                          rs.getString(4),
                          status,
                          last);
                    })
                .list());
  }

  /** Whether the user of this id is disabled. */
  public boolean disabled(String userId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT disabled_at IS NOT NULL FROM users WHERE id = :id")
                .bind("id", userId)
                .mapTo(Boolean.class)
                .findOne()
                .orElse(false));
  }

  /** A user as the users table stores them: id, name and role code. */
  static Principal principal(String id, String name, String role) {
    return new Principal(id, name, Role.parse(role).orElseThrow());
  }

  /**
   * A new random secret, 256 bits in URL-safe base64 (43 characters): a bearer token's body, a
   * session id, an invitation token. Only {@link #hash}es of them are stored.
   */
  static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
