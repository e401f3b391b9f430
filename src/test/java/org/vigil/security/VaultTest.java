package org.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTest {
  @TempDir Path dir;

  @Test
  void the_keyset_is_created_once_readable_by_its_owner_only() throws Exception {
    Path keyset = dir.resolve("keys/keyset.json");
    Vault first = Vault.openOrCreate(keyset);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyset)))
        .isEqualTo("rw-------");
    byte[] sealed = first.seal("Анна Смирнова", "persons.name/1");
    Vault reopened = Vault.openOrCreate(keyset);
    assertThat(reopened.open(sealed, "persons.name/1")).isEqualTo("Анна Смирнова");
  }

  @Test
  void a_ciphertext_moved_to_another_row_does_not_decrypt() {
    Vault vault = Vault.openOrCreate(dir.resolve("keyset.json"));
    byte[] sealed = vault.seal("Анна Смирнова", "persons.name/1");
    assertThatThrownBy(() -> vault.open(sealed, "persons.name/2"))
        .hasMessageContaining("cannot decrypt");
  }

  @Test
  void another_keyset_cannot_read_it() {
    byte[] sealed = Vault.openOrCreate(dir.resolve("a.json")).seal("secret", "reports.text/1");
    assertThatThrownBy(
            () -> Vault.openOrCreate(dir.resolve("b.json")).open(sealed, "reports.text/1"))
        .hasMessageContaining("wrong keyset");
  }

  @Test
  void tokens_are_stored_as_hashes_and_checked() throws Exception {
    try (var db = org.vigil.storage.Database.open(org.vigil.storage.Database.sqliteUrl(dir))) {
      Accounts accounts = new Accounts(db.jdbi());
      accounts.addUser("анна", Role.LAWYER);
      String token = accounts.createToken("анна");
      assertThat(accounts.authenticate(token).orElseThrow().role()).isEqualTo(Role.LAWYER);
      assertThat(accounts.authenticate(token + "x")).isEmpty();
      assertThat(accounts.authenticate(null)).isEmpty();
      String stored =
          db.jdbi()
              .withHandle(h -> h.createQuery("SELECT hash FROM tokens").mapTo(String.class).one());
      assertThat(stored).isEqualTo(Accounts.hash(token)).doesNotContain(token.substring(4));
      assertThatThrownBy(() -> accounts.addUser("анна", Role.ADMIN))
          .hasMessageContaining("already exists");
      assertThatThrownBy(() -> accounts.createToken("nobody")).hasMessageContaining("no user");
    }
  }
}
