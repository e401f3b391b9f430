package org.vigil.map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Path2D;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class RussiaMapTest {
  private static final String SVG_NS = "http://www.w3.org/2000/svg";

  private static final double[] MOSCOW = {55.75, 37.62};
  private static final double[] ST_PETERSBURG = {59.94, 30.31};
  private static final double[] NOVOSIBIRSK = {55.03, 82.92};
  private static final double[] YAKUTSK = {62.03, 129.73};
  private static final double[] YUZHNO_SAKHALINSK = {46.96, 142.73};
  private static final double[] KALININGRAD = {54.71, 20.51};
  private static final double[] ANADYR = {64.73, 177.5};

  /** Uelen, Chukotka, east of the 180th meridian. */
  private static final double[] UELEN = {66.16, -169.8};

  @Test
  void citiesLieWestToEastAndNorthToSouthAsOnTheGround() {
    assertThat(x(MOSCOW)).isLessThan(x(NOVOSIBIRSK));
    assertThat(x(NOVOSIBIRSK)).isLessThan(x(YAKUTSK)).isLessThan(x(YUZHNO_SAKHALINSK));
    assertThat(x(YAKUTSK)).isLessThan(x(ANADYR));
    assertThat(x(ANADYR)).isLessThan(x(UELEN));
    assertThat(y(ST_PETERSBURG)).as("y grows downwards").isLessThan(y(MOSCOW));
  }

  @Test
  void theFarWestAndTheFarEastAreInsideTheViewBox() {
    for (var place : List.of(KALININGRAD, ANADYR, UELEN, MOSCOW, YUZHNO_SAKHALINSK)) {
      assertThat(inViewBox(RussiaMap.project(place[0], place[1])))
          .as("%s,%s", place[0], place[1])
          .isTrue();
    }
  }

  @Test
  void chukotkaIsTheSamePlaceWhetherGivenEastOrWestOfTheAntimeridian() {
    var west = RussiaMap.project(UELEN[0], UELEN[1]);
    var east = RussiaMap.project(UELEN[0], UELEN[1] + 360);
    assertThat(west[0]).isCloseTo(east[0], within(1e-9));
    assertThat(west[1]).isCloseTo(east[1], within(1e-9));
  }

  @Test
  void theOutlineIsRussiaWithKaliningradAndChukotkaInOnePiece() {
    var land = new Path2D.Double(Path2D.WIND_EVEN_ODD);
    var rings = Outline.rings();
    for (var ring : rings) {
      land.moveTo(ring[0], ring[1]);
      for (int i = 2; i < ring.length; i += 2) {
        land.lineTo(ring[i], ring[i + 1]);
      }
      land.closePath();
    }
    double[] inlandChukotka = {67.0, 172.0};
    for (var inside : List.of(MOSCOW, NOVOSIBIRSK, YAKUTSK, KALININGRAD, inlandChukotka)) {
      assertThat(land.contains(inside[1], inside[0])).as("%s,%s", inside[0], inside[1]).isTrue();
    }
    assertThat(land.contains(-174.0 + 360, 66.0)).as("Chukotka east of 180°").isTrue();
    double[][] outside = {{53.9, 27.57}, {51.17, 71.43}, {60.17, 24.94}, {47.92, 106.92}};
    for (var place : outside) { // Minsk, Astana, Helsinki, Ulaanbaatar
      assertThat(land.contains(place[1], place[0])).as("%s,%s", place[0], place[1]).isFalse();
    }
    var kaliningradRing =
        rings.stream()
            .filter(r -> IntStream.range(0, r.length / 2).allMatch(i -> r[2 * i] < 23))
            .toList();
    assertThat(kaliningradRing).as("Kaliningrad oblast is a ring of its own").hasSize(1);
    for (var ring : rings) {
      for (int i = 0; i < ring.length; i += 2) {
        assertThat(ring[i]).as("longitudes are shifted, not wrapped").isBetween(19.0, 191.0);
        assertThat(inViewBox(RussiaMap.project(ring[i + 1], ring[i]))).isTrue();
      }
    }
  }

  @Test
  void theSvgIsWellFormedXmlWithATitleAndOneCirclePerMarker() throws Exception {
    var markers =
        List.of(
            new Marker(55.757, 37.615, "Пушкинская площадь", 1215, Marker.Kind.EVENT, "/events/1"),
            new Marker(55.76, 37.60, "ОВД Тверской", 87, Marker.Kind.STATION, null),
            new Marker(ANADYR[0], ANADYR[1], "Анадырь", 1, Marker.Kind.EVENT, "/events/2"),
            new Marker(KALININGRAD[0], KALININGRAD[1], "Калининград", 40, Marker.Kind.EVENT, null));
    var doc = parse(RussiaMap.svg(markers, "Задержания 23 января 2021"));
    var svg = doc.getDocumentElement();

    assertThat(svg.getNamespaceURI()).isEqualTo(SVG_NS);
    assertThat(svg.getLocalName()).isEqualTo("svg");
    assertThat(svg.getAttribute("role")).isEqualTo("img");
    var title = (Element) svg.getElementsByTagNameNS(SVG_NS, "title").item(0);
    assertThat(title.getParentNode()).isSameAs(svg);
    assertThat(title.getAttribute("id"))
        .isNotEmpty()
        .isEqualTo(svg.getAttribute("aria-labelledby"));
    assertThat(title.getTextContent()).isEqualTo("Задержания 23 января 2021");
    assertThat(svg.getAttribute("viewBox")).isEqualTo("0 0 1000 " + (int) RussiaMap.viewBox()[3]);
    assertThat(svg.getElementsByTagNameNS(SVG_NS, "path").getLength()).isEqualTo(1);

    var circles = circles(doc);
    assertThat(circles).hasSize(markers.size());
    for (var c : circles) {
      assertThat(inViewBox(new double[] {num(c, "cx"), num(c, "cy")})).isTrue();
    }
    assertThat(circles)
        .extracting(c -> c.getAttribute("class"))
        .containsExactly("marker event", "marker station", "marker event", "marker event");
    assertThat(circles)
        .extracting(c -> c.getParentNode().getLocalName())
        .containsExactly("a", "g", "g", "a");
    assertThat(((Element) circles.getFirst().getParentNode()).getAttribute("href"))
        .isEqualTo("/events/1");
  }

  @Test
  void circleAreaIsProportionalToCountAndSmallCirclesDrawOnTop() throws Exception {
    var markers = new ArrayList<Marker>();
    for (long count : new long[] {25, 400, 1, 100, 1600}) {
      markers.add(new Marker(55, 40 + count / 100.0, "n" + count, count, Marker.Kind.EVENT, null));
    }
    var circles = circles(parse(RussiaMap.svg(markers, "t")));
    assertThat(circles)
        .extracting(c -> c.getElementsByTagNameNS(SVG_NS, "title").item(0).getTextContent())
        .containsExactly("n1600", "n400", "n100", "n25", "n1");
    double r1600 = num(circles.get(0), "r");
    assertThat(r1600).isCloseTo(RussiaMap.MAX_RADIUS, within(0.05));
    assertThat(num(circles.get(1), "r")).isCloseTo(r1600 / 2, within(0.1)); // 400 = 1600 / 4
    assertThat(num(circles.get(2), "r")).isCloseTo(r1600 / 4, within(0.1)); // 100 = 1600 / 16
    assertThat(num(circles.get(4), "r"))
        .as("one detainee stays visible")
        .isEqualTo(RussiaMap.MIN_RADIUS);
  }

  @Test
  void fewDetaineesDoNotMakeHugeCircles() throws Exception {
    var one = List.of(new Marker(55, 40, "x", 1, Marker.Kind.STATION, null));
    assertThat(num(circles(parse(RussiaMap.svg(one, "t"))).getFirst(), "r"))
        .isEqualTo(RussiaMap.MAX_K);
  }

  @Test
  void placesOutsideTheMapAndZeroCountsAreSkippedWithoutMovingTheViewBox() throws Exception {
    var empty = parse(RussiaMap.svg(List.of(), "t")).getDocumentElement().getAttribute("viewBox");
    var markers =
        List.of(
            new Marker(0, 0, "null island", 5, Marker.Kind.EVENT, null),
            new Marker(-89.9, 100, "south pole", 5, Marker.Kind.EVENT, null),
            new Marker(Double.NaN, 37, "nan", 5, Marker.Kind.EVENT, null),
            new Marker(40.71, -74.0, "New York", 5, Marker.Kind.STATION, null),
            new Marker(MOSCOW[0], MOSCOW[1], "nobody", 0, Marker.Kind.EVENT, null),
            new Marker(MOSCOW[0], MOSCOW[1], "Москва", 5, Marker.Kind.EVENT, null));
    var doc = parse(RussiaMap.svg(markers, "t"));
    assertThat(doc.getDocumentElement().getAttribute("viewBox")).isEqualTo(empty);
    assertThat(circles(doc))
        .singleElement()
        .extracting(Element::getTextContent)
        .isEqualTo("Москва");
  }

  @Test
  void textFromDataIsEscaped() throws Exception {
    var label = "<script>alert(\"x\")</script> & 'ОВД' \u0000\u0007 😀";
    var href = "/events/7?a=1&b=\"2\"";
    var title = "Map </title><script>alert(1)</script>";
    var svg = RussiaMap.svg(List.of(new Marker(55, 40, label, 3, Marker.Kind.EVENT, href)), title);

    assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;").contains("&amp;");
    var doc = parse(svg);
    assertThat(doc.getElementsByTagName("script").getLength()).isZero();
    var circle = circles(doc).getFirst();
    assertThat(circle.getTextContent())
        .as("all but the characters XML cannot carry survive")
        .isEqualTo("<script>alert(\"x\")</script> & 'ОВД'  😀");
    assertThat(((Element) circle.getParentNode()).getAttribute("href")).isEqualTo(href);
    assertThat(doc.getDocumentElement().getFirstChild().getTextContent()).isEqualTo(title);
  }

  @Test
  void hrefsThatCouldRunScriptAreRefused() {
    for (var href :
        List.of(
            "javascript:alert(1)",
            "JavaScript:x",
            " javascript:x",
            "java\tscript:x",
            "data:text/html,x",
            "")) {
      assertThatThrownBy(() -> new Marker(55, 40, "x", 1, Marker.Kind.EVENT, href))
          .as(href)
          .isInstanceOf(IllegalArgumentException.class);
    }
    for (var href : List.of("/events/1", "events/1", "https://example.org/e?x=1", "#e1")) {
      assertThat(new Marker(55, 40, "x", 1, Marker.Kind.EVENT, href).href()).isEqualTo(href);
    }
    assertThatThrownBy(() -> new Marker(55, 40, "x", -1, Marker.Kind.EVENT, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theMapStaysSmall() throws Exception {
    var outlineOnly = RussiaMap.svg(List.of(), "Россия").getBytes(UTF_8).length;
    assertThat(outlineOnly).isLessThan(30_000);

    var markers = new ArrayList<Marker>();
    for (int i = 0; i < 70; i++) {
      markers.add(
          new Marker(
              50 + (i * 7) % 15,
              35 + (i * 37) % 100,
              "ОВД «Тверской», Москва — " + (i * 13 + 1) + " задержанных",
              i * 13 + 1,
              i % 2 == 0 ? Marker.Kind.EVENT : Marker.Kind.STATION,
              i % 2 == 0 ? "/events/" + (1000 + i) : null));
    }
    var svg = RussiaMap.svg(markers, "Задержания 23 января 2021 года");
    assertThat(circles(parse(svg))).hasSize(70);
    assertThat(svg.getBytes(UTF_8).length).isLessThan(40_000);
  }

  @Test
  void decimalsAreShort() {
    assertThat(dec(125)).isEqualTo("12.5");
    assertThat(dec(-5)).isEqualTo("-.5");
    assertThat(dec(30)).isEqualTo("3");
    assertThat(dec(0)).isEqualTo("0");
    assertThat(dec(-120)).isEqualTo("-12");
  }

  private static String dec(long tenths) {
    var out = new StringBuilder();
    RussiaMap.decimal(out, tenths);
    return out.toString();
  }

  private static double x(double[] place) {
    return RussiaMap.project(place[0], place[1])[0];
  }

  private static double y(double[] place) {
    return RussiaMap.project(place[0], place[1])[1];
  }

  private static boolean inViewBox(double[] xy) {
    var box = RussiaMap.viewBox();
    return xy[0] >= box[0]
        && xy[0] <= box[0] + box[2]
        && xy[1] >= box[1]
        && xy[1] <= box[1] + box[3];
  }

  private static Document parse(String svg) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(UTF_8)));
  }

  private static List<Element> circles(Document doc) {
    NodeList list = doc.getElementsByTagNameNS(SVG_NS, "circle");
    return IntStream.range(0, list.getLength()).mapToObj(i -> (Element) list.item(i)).toList();
  }

  private static double num(Element e, String attribute) {
    return Double.parseDouble(e.getAttribute(attribute));
  }
}
