package org.vigil.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.security.Role;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class LiveUpdatesTest {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  @TempDir Path dir;

  @Test
  void editors_write_updates_that_anyone_reads_as_a_valid_atom_feed() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      String first = "В Москве задержаны более 1000 человек <по данным> & растёт";
      assertThat(
              server
                  .post(
                      "/api/updates",
                      "{\"language\": \"ru\", \"text\": \"" + first + "\"}",
                      Role.EDITOR)
                  .status())
          .isEqualTo(201);
      var second =
          server.post(
              "/api/updates",
              "{\"language\": \"en\", \"text\": \"Police detained more than 3,000 people in over 60 cities\"}",
              Role.EDITOR);
      // An account name is never published: without a display name, the group's name signs.
      assertThat(second.json().get("author").asText()).isEqualTo("Vigil");
      assertThat(second.body()).doesNotContain("test-editor");

      var feed = server.get("/feed.atom", null);
      assertThat(feed.status()).isEqualTo(200);
      assertThat(feed.body()).doesNotContain("test-editor").contains("<name>Vigil</name>");
      assertThat(feed.header("Content-Type")).startsWith("application/atom+xml");
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      Document xml =
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
      var entries = xml.getElementsByTagNameNS(ATOM, "entry");
      assertThat(entries.getLength()).isEqualTo(2);
      Element newest = (Element) entries.item(0);
      assertThat(newest.getElementsByTagNameNS(ATOM, "content").item(0).getTextContent())
          .isEqualTo("Police detained more than 3,000 people in over 60 cities");
      Element oldest = (Element) entries.item(1);
      assertThat(oldest.getElementsByTagNameNS(ATOM, "content").item(0).getTextContent())
          .isEqualTo(first);
      assertThat(oldest.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"))
          .isEqualTo("ru");
      assertThat(oldest.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent())
          .startsWith("urn:uuid:");
      assertThat(
              xml.getDocumentElement()
                  .getElementsByTagNameNS(ATOM, "updated")
                  .item(0)
                  .getTextContent())
          .isEqualTo(newest.getElementsByTagNameNS(ATOM, "updated").item(0).getTextContent());

      assertThat(server.get("/api/updates", null).json().get("items")).hasSize(2);
      assertThat(
              server
                  .post("/api/updates", "{\"language\": \"ru\", \"text\": \"x\"}", Role.OPERATOR)
                  .status())
          .isEqualTo(403);
      var invalid =
          server.post("/api/updates", "{\"language\": \"de\", \"text\": \"\"}", Role.EDITOR);
      assertThat(invalid.status()).isEqualTo(422);
      assertThat(invalid.body()).contains("language").contains("text");
    }
  }

  @Test
  void an_editor_signs_with_a_display_name_and_can_take_an_update_back() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      server.vigil().accounts().addUser("ed.ivanova", Role.EDITOR, "Редакция");
      String token = server.vigil().accounts().createToken("ed.ivanova");
      var published =
          server.send(
              server
                  .request("/api/updates", null)
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          "{\"language\": \"ru\", \"text\": \"Ошибочная новость\"}"))
                  .build());
      assertThat(published.status()).as(published.toString()).isEqualTo(201);
      assertThat(published.json().get("author").asText()).isEqualTo("Редакция");
      String id = published.json().get("id").asText();
      assertThat(server.get("/feed.atom", null).body())
          .contains("Ошибочная новость")
          .doesNotContain("ed.ivanova");

      var noReason = server.post("/api/updates/" + id + "/unpublish", "{}", Role.EDITOR);
      assertThat(noReason.status()).isEqualTo(422);
      assertThat(noReason.body()).contains("reason");
      assertThat(
              server
                  .post("/api/updates/" + id + "/unpublish", "{\"reason\": \"x\"}", Role.OPERATOR)
                  .status())
          .isEqualTo(403);
      var taken =
          server.post(
              "/api/updates/" + id + "/unpublish",
              "{\"reason\": \"не подтвердилось\"}",
              Role.EDITOR);
      assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
      assertThat(server.get("/feed.atom", null).body()).doesNotContain("Ошибочная новость");
      assertThat(server.get("/api/updates", null).json().get("items")).isEmpty();
      assertThat(
              server
                  .post("/api/updates/" + id + "/unpublish", "{\"reason\": \"again\"}", Role.EDITOR)
                  .status())
          .isEqualTo(404);
    }
  }
}
