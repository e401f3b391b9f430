package org.vigil.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The public map: Russia's outline with circles for events and police stations, as one inline SVG
 * element drawn on the server from Vigil's own outline (Natural Earth, see {@code docs/map.md}); no
 * tiles and no script.
 *
 * <pre>{@code
 * String svg = RussiaMap.svg(List.of(
 *     new Marker(55.757, 37.615, "Пушкинская площадь — 1 215 задержаний", 1215,
 *         Marker.Kind.EVENT, "/events/42"),
 *     new Marker(55.76, 37.60, "ОВД Тверской — 87", 87, Marker.Kind.STATION, null)),
 *     "Задержания 23 января 2021");
 * }</pre>
 *
 * <p>The projection is Lambert conformal conic (standard parallels 52°N and 64°N, central meridian
 * 100°E, the usual choice for maps of all Russia), scaled so that the outline fills a {@value
 * #WIDTH}-unit-wide viewBox. The SVG has no width or height: it takes the width the page's CSS
 * gives it. CSS can style {@code .vigil-map}, {@code .land}, {@code .marker}, {@code .marker.event}
 * and {@code .marker.station}; presentation attributes give defaults that any CSS rule overrides.
 *
 * <p>Circle area is proportional to count: radius {@code k·√count}, where {@code k} makes the
 * largest circle {@value #MAX_RADIUS} units across at most (and {@code k} ≤ {@value #MAX_K}, so a
 * map whose largest count is 3 does not draw huge circles); no circle is smaller than {@value
 * #MIN_RADIUS} units in radius, so a single detainee stays visible (below that floor areas are no
 * longer proportional). Larger circles are drawn first, so smaller ones stay on top and can be
 * hovered and clicked.
 *
 * <p><b>Markers that are not drawn</b> (skipped, never clamped to the edge, since a circle at the
 * wrong place would mislead): a count of zero; a latitude or longitude that is not finite; and a
 * place whose projection falls outside the viewBox, such as latitude 0 longitude 0 from a missing
 * value. The viewBox is fixed by the outline alone, so no marker can change it. Places just beyond
 * the border but inside the box (Crimea, Abkhazia, northern Kazakhstan) are drawn.
 */
public final class RussiaMap {
  /** Width of the viewBox in its own units; the height follows from the outline's shape. */
  static final int WIDTH = 1000;

  static final double MIN_RADIUS = 2.5;
  static final double MAX_RADIUS = 32;
  static final double MAX_K = 4;
  private static final double PADDING = 8;

  private static final LambertConformalConic LCC = new LambertConformalConic(52, 64, 60, 100);

  private RussiaMap() {}

  /**
   * A standalone {@code <svg>} element (no XML prolog) with the outline and one circle per drawable
   * marker; see the class comment for the markers that are skipped.
   *
   * @param markers the circles, in any order
   * @param title what the map shows, for screen readers and as the SVG's {@code <title>}
   */
  public static String svg(List<Marker> markers, String title) {
    Objects.requireNonNull(title, "title");
    var drawn = new ArrayList<Placed>(markers.size());
    for (var marker : markers) {
      if (marker.count() == 0) {
        continue;
      }
      var xy = project(marker.latitude(), marker.longitude());
      if (Frame.INSTANCE.contains(xy[0], xy[1])) {
        drawn.add(new Placed(marker, xy[0], xy[1]));
      }
    }
    drawn.sort(
        Comparator.comparingLong((Placed p) -> p.marker.count())
            .reversed()
            .thenComparing(p -> p.marker.label()));
    long max = drawn.isEmpty() ? 1 : drawn.getFirst().marker.count();
    double k = Math.min(MAX_K, MAX_RADIUS / Math.sqrt(max));

    var frame = Frame.INSTANCE;
    var id = "vigil-map-" + Integer.toHexString(Objects.hash(title, markers));
    var out = new StringBuilder(frame.land.length() + 400 + drawn.size() * 200);
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"vigil-map\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(frame.height)
        .append("\" role=\"img\" aria-labelledby=\"")
        .append(id)
        .append("\"><title id=\"")
        .append(id)
        .append("\">");
    Xml.text(out, title);
    out.append("</title>")
        .append("<path class=\"land\" fill=\"#ecebe6\" stroke=\"#8a8a8a\" stroke-width=\".6\"")
        .append(" stroke-linejoin=\"round\" fill-rule=\"evenodd\" d=\"")
        .append(frame.land)
        .append("\"/>");
    out.append("<g class=\"markers\" fill-opacity=\".7\" stroke=\"#fff\" stroke-width=\".8\">");
    for (var p : drawn) {
      var marker = p.marker;
      if (marker.href() != null) {
        out.append("<a href=\"");
        Xml.text(out, marker.href());
        out.append("\">");
      }
      double r = Math.max(MIN_RADIUS, k * Math.sqrt(marker.count()));
      out.append("<circle class=\"marker ")
          .append(marker.kind().cssClass())
          .append("\" fill=\"")
          .append(marker.kind() == Marker.Kind.EVENT ? "#c62828" : "#1f5fa8")
          .append("\" cx=\"");
      decimal(out, Math.round(p.x * 10));
      out.append("\" cy=\"");
      decimal(out, Math.round(p.y * 10));
      out.append("\" r=\"");
      decimal(out, Math.round(r * 10));
      out.append("\"><title>");
      Xml.text(out, marker.label());
      out.append("</title></circle>");
      if (marker.href() != null) {
        out.append("</a>");
      }
    }
    return out.append("</g></svg>").toString();
  }

  /**
   * Where a place lands in the viewBox: {x, y} with y pointing down. Longitudes west of −168°
   * (Chukotka given as negative) are taken 360° further east, as in the outline. Not finite, or far
   * outside the viewBox, for places nowhere near Russia.
   */
  static double[] project(double latitude, double longitude) {
    if (!Double.isFinite(latitude) || !Double.isFinite(longitude)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double[] raw = LCC.project(latitude, longitude < -168 ? longitude + 360 : longitude);
    return Frame.INSTANCE.toViewBox(raw);
  }

  /** The viewBox: {minX, minY, width, height}. */
  static double[] viewBox() {
    return new double[] {0, 0, WIDTH, Frame.INSTANCE.height};
  }

  /** Path data of the outline alone, as drawn. */
  static String landPath() {
    return Frame.INSTANCE.land;
  }

  /** Writes tenths as a short decimal: 125 → "12.5", -5 → "-.5", 30 → "3". */
  static void decimal(StringBuilder out, long tenths) {
    if (tenths < 0) {
      out.append('-');
      tenths = -tenths;
    }
    if (tenths >= 10 || tenths == 0) {
      out.append(tenths / 10);
    }
    if (tenths % 10 != 0) {
      out.append('.').append(tenths % 10);
    }
  }

  private record Placed(Marker marker, double x, double y) {}

  /** The outline projected once: the fit into the viewBox, its height and the path data. */
  private static final class Frame {
    static final Frame INSTANCE = new Frame(Outline.rings());

    final double scale;
    final double minX;
    final double maxY;
    final int height;
    final String land;

    private Frame(List<double[]> rings) {
      double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
      double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
      var projected = new ArrayList<double[]>(rings.size());
      for (var ring : rings) {
        var xy = new double[ring.length];
        for (int i = 0; i < ring.length; i += 2) {
          var p = LCC.project(ring[i + 1], ring[i]);
          xy[i] = p[0];
          xy[i + 1] = p[1];
          x0 = Math.min(x0, p[0]);
          x1 = Math.max(x1, p[0]);
          y0 = Math.min(y0, p[1]);
          y1 = Math.max(y1, p[1]);
        }
        projected.add(xy);
      }
      scale = (WIDTH - 2 * PADDING) / (x1 - x0);
      minX = x0 - PADDING / scale;
      maxY = y1 + PADDING / scale;
      height = (int) Math.ceil((y1 - y0) * scale + 2 * PADDING);
      land = path(projected);
    }

    double[] toViewBox(double[] raw) {
      return new double[] {(raw[0] - minX) * scale, (maxY - raw[1]) * scale};
    }

    boolean contains(double x, double y) {
      return x >= 0 && x <= WIDTH && y >= 0 && y <= height; // false for NaN
    }

    /**
     * One path for all rings, in tenths of a unit: an absolute move to each ring's start, then
     * relative line-tos between the rounded points (so rounding does not accumulate), points that
     * round onto the previous one left out.
     */
    private String path(List<double[]> rings) {
      var d = new StringBuilder();
      for (var ring : rings) {
        var tenths = new long[ring.length];
        int n = 0;
        for (int i = 0; i < ring.length; i += 2) {
          var p = toViewBox(new double[] {ring[i], ring[i + 1]});
          long x = Math.round(p[0] * 10), y = Math.round(p[1] * 10);
          if (n == 0 || x != tenths[n - 2] || y != tenths[n - 1]) {
            tenths[n++] = x;
            tenths[n++] = y;
          }
        }
        if (n < 6) {
          continue; // rounds to fewer than three points: nothing to fill
        }
        d.append('M');
        number(d, tenths[0], false);
        number(d, tenths[1], true);
        d.append('l');
        for (int i = 2; i < n; i += 2) {
          number(d, tenths[i] - tenths[i - 2], i > 2);
          number(d, tenths[i + 1] - tenths[i - 1], true);
        }
        d.append('z');
      }
      return d.toString();
    }

    private static void number(StringBuilder d, long tenths, boolean separate) {
      if (separate && tenths >= 0) {
        d.append(' ');
      }
      decimal(d, tenths);
    }
  }
}
