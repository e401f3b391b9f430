package org.vigil.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages' own CSS and script, served from {@code /assets/} and named with a hash of their
 * content, so browsers and caches may keep them for a year and still never run an old copy.
 */
public final class Assets {
  private static final Map<String, String> URLS = new ConcurrentHashMap<>();

  private Assets() {}

  /** The URL of an asset, e.g. {@code /assets/live.js?v=1a2b3c4d5e6f}. */
  public static String url(String name) {
    return URLS.computeIfAbsent(name, n -> "/assets/" + n + "?v=" + hash(n));
  }

  private static String hash(String name) {
    try (InputStream in = Assets.class.getResourceAsStream("/assets/" + name)) {
      if (in == null) throw new IllegalArgumentException("no asset " + name);
      return Pages.etag(in.readAllBytes()).substring(1, 13);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
