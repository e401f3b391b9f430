package org.vigil.map;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code russia.txt} beside this class: lines starting with {@code #} are comments, every
 * other line is one ring of {@code lon,lat} pairs separated by spaces. Written by {@code
 * tools/map/build-outline.mjs}.
 */
final class Outline {
  static final String RESOURCE = "russia.txt";

  private Outline() {}

  /** The rings, each as {lon0, lat0, lon1, lat1, …}. */
  static List<double[]> rings() {
    var in = Outline.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("missing resource org/vigil/map/" + RESOURCE);
    }
    var rings = new ArrayList<double[]>();
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        var pairs = line.split(" +");
        var ring = new double[pairs.length * 2];
        for (int i = 0; i < pairs.length; i++) {
          int comma = pairs[i].indexOf(',');
          ring[2 * i] = Double.parseDouble(pairs[i].substring(0, comma));
          ring[2 * i + 1] = Double.parseDouble(pairs[i].substring(comma + 1));
        }
        rings.add(ring);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(rings);
  }
}
