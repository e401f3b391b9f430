package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.cases.Consent.FULL;
import static org.vigil.cases.Consent.INITIALS;
import static org.vigil.cases.Consent.NONE;
import static org.vigil.cases.ConsentStatement.Giver.REPRESENTATIVE;
import static org.vigil.cases.ConsentStatement.Giver.SELF;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.cases.ConsentStatement.Giver;

/** Who may let a name out, and who may take it back. */
class ConsentRuleTest {
  private static ConsentStatement said(int minute, Consent consent, Giver by, boolean verified) {
    return new ConsentStatement(
        null,
        null,
        consent,
        by,
        Instant.parse("2021-01-23T12:00:00Z").plusSeconds(60L * minute),
        verified,
        null,
        null);
  }

  private static Consent published(boolean minor, ConsentStatement... statements) {
    return ConsentRule.published(List.of(statements), minor);
  }

  @Test
  void nothing_is_published_until_a_coordinator_verified_a_consent() {
    assertThat(published(false)).isEqualTo(NONE);
    assertThat(published(false, said(1, FULL, SELF, false))).isEqualTo(NONE);
    assertThat(published(false, said(1, FULL, SELF, true))).isEqualTo(FULL);
    assertThat(published(false, said(1, INITIALS, REPRESENTATIVE, true))).isEqualTo(INITIALS);
  }

  @Test
  void the_detainees_later_word_narrows_at_once_unverified() {
    assertThat(published(false, said(1, FULL, SELF, true), said(2, NONE, SELF, false)))
        .isEqualTo(NONE);
    assertThat(published(false, said(1, FULL, SELF, true), said(2, INITIALS, SELF, false)))
        .isEqualTo(INITIALS);
    // An earlier narrowing does not undo a later verified consent.
    assertThat(published(false, said(1, NONE, SELF, false), said(2, FULL, SELF, true)))
        .isEqualTo(FULL);
    // An unverified widening changes nothing.
    assertThat(published(false, said(1, INITIALS, SELF, true), said(2, FULL, SELF, false)))
        .isEqualTo(INITIALS);
  }

  @Test
  void the_detainees_own_word_outranks_a_representatives_in_either_order() {
    // A relative's earlier "full" loses to the detainee's later "do not publish" (issue #12).
    assertThat(published(false, said(1, FULL, REPRESENTATIVE, true), said(2, NONE, SELF, false)))
        .isEqualTo(NONE);
    // The detainee's verified word stands against a relative's later one, either way.
    assertThat(published(false, said(1, INITIALS, SELF, true), said(2, FULL, REPRESENTATIVE, true)))
        .isEqualTo(INITIALS);
    assertThat(published(false, said(1, FULL, SELF, true), said(2, NONE, REPRESENTATIVE, false)))
        .isEqualTo(FULL);
    // While the detainee has not spoken, a representative's later narrowing applies.
    assertThat(
            published(
                false, said(1, FULL, REPRESENTATIVE, true), said(2, NONE, REPRESENTATIVE, false)))
        .isEqualTo(NONE);
  }

  @Test
  void a_minors_name_is_never_published() {
    assertThat(published(true, said(1, FULL, SELF, true))).isEqualTo(NONE);
    assertThat(published(true, said(1, FULL, REPRESENTATIVE, true))).isEqualTo(NONE);
  }
}
