package org.vigil.publish;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The live updates as an Atom feed (RFC 4287), for feed readers and other sites. */
final class AtomFeed {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final int TITLE_LENGTH = 80;

  private AtomFeed() {}

  static String render(String feedId, String title, String selfUrl, List<LiveUpdate> updates) {
    try {
      StringWriter out = new StringWriter();
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("feed");
      xml.writeDefaultNamespace(ATOM);
      element(xml, "id", feedId);
      element(xml, "title", title);
      element(
          xml,
          "updated",
          (updates.isEmpty() ? Instant.EPOCH : updates.getFirst().publishedAt()).toString());
      xml.writeEmptyElement("link");
      xml.writeAttribute("rel", "self");
      xml.writeAttribute("href", selfUrl);
      for (LiveUpdate update : updates) entry(xml, update);
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
      return out.toString();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the feed", e);
    }
  }

  private static void entry(XMLStreamWriter xml, LiveUpdate update) throws XMLStreamException {
    xml.writeStartElement("entry");
    xml.writeAttribute(
        "xml",
        "http://www.w3.org/XML/1998/namespace",
        "lang",
        update.language().name().toLowerCase(java.util.Locale.ROOT));
    element(xml, "id", "urn:uuid:" + update.id());
    element(xml, "title", title(update.text()));
    element(xml, "updated", update.publishedAt().toString());
    xml.writeStartElement("author");
    element(xml, "name", update.author());
    xml.writeEndElement();
    xml.writeStartElement("content");
    xml.writeAttribute("type", "text");
    xml.writeCharacters(update.text());
    xml.writeEndElement();
    xml.writeEndElement();
  }

  /** The first line, cut at a word if long: Atom requires a title, editors write none. */
  private static String title(String text) {
    String line = text.lines().findFirst().orElse("").strip();
    if (line.length() <= TITLE_LENGTH) return line;
    int cut = line.lastIndexOf(' ', TITLE_LENGTH);
    return line.substring(0, cut > 0 ? cut : TITLE_LENGTH) + "…";
  }

  private static void element(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }
}
