package org.vigil;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * OVD-Info's 2013 tables that the tests share, copied unchanged into the test resources ({@code
 * src/test/resources/data}, whose README names each file's source), so that a bare clone tests
 * without anything beside it. Resources are files under {@code target/test-classes}, so commands
 * that take a path can read them.
 */
public final class SharedData {
  private SharedData() {}

  private static Path file(String name) {
    URL url = SharedData.class.getResource("/data/" + name);
    if (url == null) throw new IllegalArgumentException("no test resource data/" + name);
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Path detentions2013() {
    return file("ovdinfo-2013-detentions.csv");
  }

  public static Path stations2013() {
    return file("ovdinfo-2013-police-stations.csv");
  }
}
