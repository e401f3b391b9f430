package org.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rules a staff password must pass, and its Argon2id hash. */
class PasswordsTest {
  @Test
  void rules() {
    assertThat(Passwords.refusal("long evening train to Tver 17", "anna")).isEmpty();
    assertThat(Passwords.refusal("", "anna")).hasValue("required");
    assertThat(Passwords.refusal("fourteen chars", "anna")).get().asString().contains("15");
    // counted as characters are seen: 15 Cyrillic letters are 30 bytes but 15 characters
    assertThat(Passwords.refusal("ёжикнашёлгрибок", "anna")).isEmpty();
    assertThat(Passwords.refusal("ёжикнашёлгрибо", "anna")).isPresent();
    assertThat(Passwords.refusal("x".repeat(257), "anna")).get().asString().contains("256");
    // in the bundled list, in any case
    assertThat(Passwords.refusal("1qaz2wsx3edc4rfv", "anna")).get().asString().contains("common");
    assertThat(Passwords.refusal("1QAZ2WSX3EDC4RFV", "anna")).get().asString().contains("common");
    assertThat(Passwords.refusal("aaaaaaaaaaaaaaaaaaaa", "anna")).isPresent();
    assertThat(Passwords.refusal("annas-very-own-password", "Anna"))
        .get()
        .asString()
        .contains("user name");
  }

  @Test
  void the_hash_is_an_argon2id_phc_string_that_verifies() {
    String phc = Passwords.hash("long evening train to Tver 17");
    assertThat(phc)
        .matches("\\$argon2id\\$v=19\\$m=65536,t=3,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(Passwords.verify("long evening train to Tver 17", phc)).isTrue();
    assertThat(Passwords.verify("long evening train to Tver 18", phc)).isFalse();
    assertThat(Passwords.hash("long evening train to Tver 17")).isNotEqualTo(phc); // salted
    assertThat(Passwords.verify("x", "$argon2i$v=19$m=65536,t=3,p=1$AAAA$AAAA")).isFalse();
    assertThat(Passwords.verify("x", "garbage")).isFalse();
    // an NFC and an NFD spelling of "й" are one password
    assertThat(
            Passwords.verify(
                "long evening train to Тверь й",
                Passwords.hash("long evening train to Тверь и\u0306")))
        .isTrue();
  }

  @Test
  void the_hash_matches_the_reference_implementation() {
    // RFC 9106, 5.3 is Argon2id with a secret and associated data, which Vigil does not use; this
    // vector is the reference implementation's ("password", "somesalt", t=2, m=65536, p=1):
    // echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32
    String phc =
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
    assertThat(Passwords.verify("password", phc)).isTrue();
    assertThat(Passwords.verify("passwore", phc)).isFalse();
  }
}
