package org.vigil.cases;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.vigil.http.ApiError;

/**
 * Another coordinator decided the item first: the second decision is refused, never applied over
 * the first. Says who decided, when and what, so the page and the API can tell the loser plainly.
 */
public final class AlreadyDecided extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String decidedBy;
  private final Instant decidedAt;
  private final String decision;

  /**
   * @param decidedBy the decider's display name, else their user name (never an id)
   * @param decision what was decided, in the API's words: "confirmed", "rejected", "linked"
   */
  public AlreadyDecided(String decidedBy, Instant decidedAt, String decision) {
    super("already decided by " + decidedBy + " at " + decidedAt + ": " + decision);
    this.decidedBy = decidedBy;
    this.decidedAt = decidedAt;
    this.decision = decision;
  }

  /**
   * The refusal for a decision {@code userId} took at {@code at}, named as coordinators know them.
   */
  public static AlreadyDecided by(Handle h, String userId, long at, String decision) {
    String name =
        userId == null
            ? "?"
            : h.createQuery("SELECT COALESCE(display_name, name) FROM users WHERE id = :id")
                .bind("id", userId)
                .mapTo(String.class)
                .findOne()
                .orElse("?");
    return new AlreadyDecided(name, Instant.ofEpochMilli(at), decision);
  }

  public String decidedBy() {
    return decidedBy;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  public String decision() {
    return decision;
  }

  /** The API's answer: 409 with a problem document saying who decided first, and when. */
  public ApiError problem() {
    return new ApiError(409, "Conflict", getMessage(), List.of());
  }
}
