package org.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.testing.ChildVigil;
import org.vigil.testing.ConsoleUser;
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
  void an_invitation_from_the_command_line_and_a_user_disabled_there() throws Exception {
    Path data = dir.resolve("data");
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, data);
        TestVigil server = TestVigil.start(db, data.resolve("keyset.json"))) {
      ChildVigil invite =
          ChildVigil.run(
              "user",
              "invite",
              "--name",
              "rita",
              "--role",
              "editor",
              "--public-url",
              server.base() + "/",
              "--data",
              data.toString());
      assertThat(invite.exitCode()).as(invite.output()).isZero();
      String url =
          invite.output().lines().filter(l -> l.startsWith("http")).findFirst().orElseThrow();
      assertThat(url).startsWith(server.base() + "/console/invite/");
      ConsoleUser rita = new ConsoleUser(server);
      assertThat(
              rita.accept(
                      url.substring(url.lastIndexOf('/') + 1),
                      SignInPassword.VALUE,
                      Clock.systemUTC())
                  .status())
          .isEqualTo(303);
      assertThat(rita.get("/console/").status()).isEqualTo(200);
      ChildVigil token =
          ChildVigil.run("token", "create", "--user", "rita", "--data", data.toString());
      String bearer =
          token.output().lines().filter(l -> l.startsWith("vgl_")).findFirst().orElseThrow();

      ChildVigil disable =
          ChildVigil.run("user", "disable", "--name", "rita", "--data", data.toString());
      assertThat(disable.exitCode()).as(disable.output()).isZero();
      assertThat(disable.output()).contains("Disabled editor rita");
      assertThat(rita.get("/console/").status()).isEqualTo(303);
      var response =
          server.send(
              server
                  .request("/api/updates", null)
                  .header("Authorization", "Bearer " + bearer)
                  .header("Content-Type", "application/json")
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                  .build());
      assertThat(response.status()).isEqualTo(401);
      ChildVigil again =
          ChildVigil.run("user", "invite", "--name", "rita", "--data", data.toString());
      assertThat(again.exitCode()).isEqualTo(2);
      assertThat(again.output()).contains("disabled");
    }
  }

  /** A password that passes the rules. */
  private static final class SignInPassword {
    static final String VALUE = "long evening train to Tver 17";
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

  @Test
  void a_bad_trusted_proxy_ends_serve_with_status_2_naming_the_option_and_the_value()
      throws Exception {
    String data = dir.resolve("data").toString();
    ChildVigil bad = ChildVigil.run("serve", "--trusted-proxy", "10.0.0.0/33", "--data", data);
    assertThat(bad.exitCode()).as(bad.output()).isEqualTo(2);
    assertThat(bad.output()).contains("--trusted-proxy").contains("'10.0.0.0/33'");
    ChildVigil badEnv =
        ChildVigil.run(
            Map.of("VIGIL_TRUSTED_PROXIES", "127.0.0.1/32,proxy.local"), "demo", "--data", data);
    assertThat(badEnv.exitCode()).as(badEnv.output()).isEqualTo(2);
    assertThat(badEnv.output()).contains("--trusted-proxy").contains("'proxy.local'");
  }

  @Test
  void proxies_trusted_through_the_environment_name_the_client() throws Exception {
    try (ChildVigil server =
        ChildVigil.start(
            Map.of("VIGIL_TRUSTED_PROXIES", "10.0.0.0/8, 127.0.0.1"),
            "serve",
            "--port",
            "0",
            "--public-rate",
            "1",
            "--data",
            dir.resolve("data").toString())) {
      int port = server.awaitPort();
      HttpClient http = HttpClient.newHttpClient();
      for (String client : new String[] {"203.0.113.1", "203.0.113.2"}) {
        var response =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/public/reports"))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", client)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Анна Смирнова\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(client + ": " + response.body()).isEqualTo(201);
      }
    }
  }
}
