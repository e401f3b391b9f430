package org.vigil.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vigil.ovdinfo.OvdInfoImportCommand;
import picocli.CommandLine;

/** Runs `vigil import ovdinfo` in this JVM, as the command line runs it, into a test database. */
public final class Imports {
  private Imports() {}

  /** The command's output; fails the test unless every row was imported (exit status 0). */
  public static String ovdinfo(String databaseUrl, Path file, String... options) {
    return ovdinfo(0, databaseUrl, file, options);
  }

  /** The command's output; fails the test unless it exits with {@code expected}. */
  public static String ovdinfo(int expected, String databaseUrl, Path file, String... options) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of(file.toString(), "--db", databaseUrl));
    args.addAll(List.of(options));
    int status =
        new CommandLine(new OvdInfoImportCommand())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(args.toArray(String[]::new));
    assertThat(status).as(out + "\n" + err).isEqualTo(expected);
    return out.toString();
  }

  /** The id of the one event a test imported. */
  public static String onlyEvent(TestVigil server) {
    return server
        .vigil()
        .database()
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT id FROM events").mapTo(String.class).one());
  }
}
