package org.vigil;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared data beside the project (`../shared/data`), found by walking up from the working
 * directory, since tests run from the project root locally and on CI alike but IDEs may differ.
 */
public final class SharedData {
  private SharedData() {}

  public static Path file(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path data = dir.resolve("shared").resolve("data");
      if (Files.isDirectory(data)) {
        return data.resolve(name);
      }
    }
    throw new IllegalStateException("no shared/data above " + Path.of("").toAbsolutePath());
  }

  public static Path detentions2013() {
    return file("ovdinfo-2013-detentions.csv");
  }

  public static Path stations2013() {
    return file("ovdinfo-2013-police-stations.csv");
  }
}
