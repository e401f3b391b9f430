package org.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.testing.ChildVigil;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;

/** The command line, run as a separate process the way an administrator runs it. */
class CliTest {
  @TempDir Path dir;

  @Test
  void users_and_tokens_are_made_while_the_server_runs() throws Exception {
    Path data = dir.resolve("data");
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, data);
        TestVigil server = TestVigil.start(db, data.resolve("keyset.json"))) {
      ChildVigil add =
          ChildVigil.run(
              "user", "add", "--name", "лена", "--role", "coordinator", "--data", data.toString());
      assertThat(add.exitCode()).as(add.output()).isZero();
      ChildVigil token =
          ChildVigil.run("token", "create", "--user", "лена", "--data", data.toString());
      assertThat(token.exitCode()).as(token.output()).isZero();
      String bearer =
          token.output().lines().filter(l -> l.startsWith("vgl_")).findFirst().orElseThrow();

      var response =
          server.send(
              server
                  .request("/api/detentions", null)
                  .header("Authorization", "Bearer " + bearer)
                  .build());
      assertThat(response.status()).isEqualTo(200);
    }
  }

  @Test
  void mistakes_get_a_clear_message_and_a_non_zero_exit() throws Exception {
    String data = dir.resolve("data").toString();
    ChildVigil badRole =
        ChildVigil.run("user", "add", "--name", "x", "--role", "boss", "--data", data);
    assertThat(badRole.exitCode()).isEqualTo(2);
    assertThat(badRole.output())
        .contains("--role must be one of operator, coordinator, lawyer, editor, admin");
    ChildVigil noUser = ChildVigil.run("token", "create", "--user", "ghost", "--data", data);
    assertThat(noUser.exitCode()).isNotZero();
    assertThat(noUser.output()).contains("no user named 'ghost'");
    ChildVigil twice =
        ChildVigil.run("user", "add", "--name", "x", "--role", "admin", "--data", data);
    assertThat(twice.exitCode()).isZero();
    assertThat(
            ChildVigil.run("user", "add", "--name", "x", "--role", "admin", "--data", data)
                .output())
        .contains("already exists");
  }

  @Test
  void help_and_version() throws Exception {
    ChildVigil help = ChildVigil.run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.output()).contains("serve", "demo", "user", "token");
    ChildVigil version = ChildVigil.run("--version");
    assertThat(version.output()).startsWith("vigil ");
  }
}
