package org.vigil;

import java.nio.file.Path;
import org.vigil.storage.Database;
import picocli.CommandLine.Option;

/** Where Vigil's data lives; shared by every command that touches it. */
public final class StorageOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Directory of the embedded database and keyset (default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:VIGIL_DATA:-vigil-data}")
  Path data;

  @Option(
      names = "--db",
      paramLabel = "URL",
      description =
          "JDBC URL of a PostgreSQL database instead of the embedded one, e.g."
              + " jdbc:postgresql://127.0.0.1:5432/vigil?user=vigil (or VIGIL_DB).",
      defaultValue = "${env:VIGIL_DB}")
  String db;

  @Option(
      names = "--keyset",
      paramLabel = "FILE",
      description =
          "Tink keyset that encrypts personal data; keep it apart from the database"
              + " (default: DIR/keyset.json, or VIGIL_KEYSET).",
      defaultValue = "${env:VIGIL_KEYSET}")
  Path keyset;

  /** The database the options name: --db, else the embedded one in --data. */
  public String databaseUrl() {
    return db != null && !db.isBlank() ? db : Database.sqliteUrl(data);
  }

  Path keysetPath() {
    return keyset != null ? keyset : data.resolve("keyset.json");
  }

  Vigil open() {
    return Vigil.open(databaseUrl(), keysetPath());
  }
}
