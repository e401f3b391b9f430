package org.vigil.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;

/**
 * Invitations to the console: the only way a user gets a password and an authenticator. An
 * invitation is a random token in a URL, shown once, good for 24 hours and for one acceptance; only
 * its SHA-256 is stored. Accepting it sets the password and the TOTP secret enrolled on its page,
 * ends every session the user had, and signs them in.
 *
 * <p>For a name nobody has, the invitation creates the user (without a password until it is
 * accepted). For an existing user, such as one made by {@code vigil user add} who works with bearer
 * tokens, it sets or resets their credentials; their tokens keep working. A newer invitation
 * replaces any earlier one still open for the same user. A disabled user cannot be invited.
 */
public final class Invitations {
  public static final Duration VALID_FOR = Duration.ofHours(24);
  private final Jdbi jdbi;
  private final Vault vault;
  private final Accounts accounts;
  private final Sessions sessions;
  private final Clock clock;
  private final String issuer;

  /**
   * @param issuer what authenticator apps list the account under (the group's name)
   */
  public Invitations(
      Jdbi jdbi, Vault vault, Accounts accounts, Sessions sessions, Clock clock, String issuer) {
    this.jdbi = jdbi;
    this.vault = vault;
    this.accounts = accounts;
    this.sessions = sessions;
    this.clock = clock;
    this.issuer = issuer;
  }

  /** A new invitation: the token for its URL (shown once) and when it expires. */
  public record Invited(Principal user, String token, Instant expiresAt) {}

  /** An open invitation, as its page shows it. */
  public record Open(Principal user, byte[] secret, String otpauth, Instant expiresAt) {
    public String secretText() {
      return Totp.base32(secret);
    }
  }

  /**
   * Invites a user. {@code role} is required for a new user; for an existing one it may be null,
   * and if given must be the user's role (an invitation does not change roles).
   *
   * @param by the admin inviting, or null from the command line
   * @throws IllegalArgumentException with the reason, if the invitation cannot be made
   */
  public Invited invite(String name, Role role, String displayName, String by) {
    Optional<Principal> existing = accounts.findUser(name);
    Principal user;
    if (existing.isPresent()) {
      user = existing.get();
      if (role != null && role != user.role()) {
        throw new IllegalArgumentException(
            "'" + name + "' is already a user with the role " + user.role().code());
      }
      if (accounts.disabled(user.userId())) {
        throw new IllegalArgumentException("the user '" + name + "' is disabled");
      }
    } else {
      if (role == null) throw new IllegalArgumentException("a role is required for a new user");
      user = accounts.addUser(name, role, displayName);
    }
    String token = Accounts.newSecret();
    String hash = Accounts.hash(token);
    long now = clock.millis();
    Instant expires = Instant.ofEpochMilli(now).plus(VALID_FOR);
    byte[] secret = Totp.newSecret();
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "UPDATE invitations SET used_at = :now WHERE user_id = :user AND used_at IS NULL")
              .bind("now", now)
              .bind("user", user.userId())
              .execute();
          h.createUpdate(
                  """
                  INSERT INTO invitations
                    (hash, user_id, totp_secret_enc, created_by, created_at, expires_at)
                  VALUES (:hash, :user, :secret, :by, :now, :expires)""")
              .bind("hash", hash)
              .bind("user", user.userId())
              .bind("secret", vault.seal(Totp.base32(secret), secretContext(hash)))
              .bind("by", by)
              .bind("now", now)
              .bind("expires", expires.toEpochMilli())
              .execute();
        });
    return new Invited(user, token, expires);
  }

  /** The open invitation of a token: not accepted, not replaced, not expired. */
  public Optional<Open> find(String token) {
    if (token == null || token.length() != 43) return Optional.empty();
    String hash = Accounts.hash(token);
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT u.id, u.name, u.role, i.totp_secret_enc, i.expires_at
                    FROM invitations i JOIN users u ON u.id = i.user_id
                    WHERE i.hash = :hash AND i.used_at IS NULL AND i.expires_at > :now
                      AND u.disabled_at IS NULL""")
                .bind("hash", hash)
                .bind("now", clock.millis())
                .map(
                    (rs, ctx) -> {
                      Principal user =
                          Accounts.principal(rs.getString(1), rs.getString(2), rs.getString(3));
                      byte[] secret =
                          Totp.fromBase32(vault.open(rs.getBytes(4), secretContext(hash)));
                      return new Open(
                          user,
                          secret,
                          Totp.uri(issuer, user.name(), secret),
                          Instant.ofEpochMilli(rs.getLong(5)));
                    })
                .findOne());
  }

  /**
   * Why an acceptance was refused: each wrong field with the rule it broke, or the invitation gone.
   */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, String> fields;

    Refused(Map<String, String> fields) {
      super("refused: " + fields);
      this.fields = Map.copyOf(fields);
    }

    /**
     * Field name to what was wrong with it: {@code password} to {@code password.RULE} (a {@link
     * Passwords.Rule#code}), and {@code repeat}, {@code code} or {@code token} to their own name.
     */
    public Map<String, String> fields() {
      return fields;
    }
  }

  /**
   * Accepts an invitation: the chosen password (twice) and a code from the authenticator just
   * enrolled. On success the user's credentials are replaced, every earlier session of theirs ends,
   * and a new session is opened.
   */
  public Sessions.Opened accept(String token, String password, String repeat, String code)
      throws Refused {
    Open open = find(token).orElseThrow(() -> new Refused(Map.of("token", "token")));
    Map<String, String> wrong = new LinkedHashMap<>();
    Passwords.broken(password, open.user().name())
        .ifPresent(rule -> wrong.put("password", "password." + rule.code()));
    if (password != null && !password.equals(repeat)) wrong.put("repeat", "repeat");
    OptionalLong step = Totp.verify(open.secret(), code, clock.instant(), Long.MIN_VALUE);
    if (step.isEmpty()) wrong.put("code", "code");
    if (!wrong.isEmpty()) throw new Refused(wrong);
    String phc = Passwords.hash(password);
    String hash = Accounts.hash(token);
    String userId = open.user().userId();
    byte[] secret = vault.seal(Totp.base32(open.secret()), "users.totp_secret/" + userId);
    long now = clock.millis();
    boolean taken =
        jdbi.inTransaction(
            h -> {
              int marked =
                  h.createUpdate(
                          """
                          UPDATE invitations SET used_at = :now
                          WHERE hash = :hash AND used_at IS NULL AND expires_at > :now""")
                      .bind("now", now)
                      .bind("hash", hash)
                      .execute();
              if (marked != 1) return false; // accepted meanwhile by another request
              h.createUpdate(
                      """
                      UPDATE users SET password_hash = :phc, totp_secret_enc = :secret,
                        totp_last_step = :step, last_sign_in_at = :now
                      WHERE id = :id""")
                  .bind("phc", phc)
                  .bind("secret", secret)
                  .bind("step", step.getAsLong())
                  .bind("now", now)
                  .bind("id", userId)
                  .execute();
              return true;
            });
    if (!taken) throw new Refused(Map.of("token", "token"));
    sessions.endAll(userId);
    return sessions.open(userId);
  }

  static String secretContext(String invitationHash) {
    return "invitations.totp_secret/" + invitationHash;
  }
}
