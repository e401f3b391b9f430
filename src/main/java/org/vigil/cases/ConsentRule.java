package org.vigil.cases;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.vigil.cases.ConsentStatement.Giver;

/**
 * How far a detainee's name may be published, from everything said about it. A name leaves Vigil
 * only on a consent a coordinator verified; the detainee's own verified word outranks a
 * representative's, and the latest of a kind wins. Narrowing needs no verification: a later
 * "initials only" or "do not publish" from the detainee applies at once, and so does a
 * representative's while the detainee has not spoken for themself. Its cost when false is a name
 * missing until a coordinator verifies again; the cost of the opposite mistake is a person exposed
 * to a hostile state. A minor's name is never published.
 */
final class ConsentRule {
  private ConsentRule() {}

  static Consent published(List<ConsentStatement> statements, boolean minor) {
    if (minor) return Consent.NONE;
    Optional<ConsentStatement> ownWord = latestVerified(statements, Giver.SELF);
    Optional<ConsentStatement> base =
        ownWord.or(() -> latestVerified(statements, Giver.REPRESENTATIVE));
    if (base.isEmpty()) return Consent.NONE;
    Consent result = base.get().consent();
    for (ConsentStatement s : statements) {
      boolean later = s.statedAt().isAfter(base.get().statedAt());
      boolean heard = s.givenBy() == Giver.SELF || ownWord.isEmpty();
      if (later && heard && s.consent().compareTo(result) < 0) result = s.consent();
    }
    return result;
  }

  private static Optional<ConsentStatement> latestVerified(
      List<ConsentStatement> statements, Giver giver) {
    return statements.stream()
        .filter(s -> s.verified() && s.givenBy() == giver)
        .max(Comparator.comparing(ConsentStatement::statedAt));
  }
}
