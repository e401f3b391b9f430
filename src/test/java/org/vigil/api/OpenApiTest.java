package org.vigil.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.http.Api;
import org.vigil.security.Role;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;

/** The served OpenAPI document describes exactly the routes the server answers, and their roles. */
class OpenApiTest {
  @TempDir Path dir;

  @Test
  void the_document_and_the_routes_agree() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      JsonNode doc = server.get("/api/openapi.json", null).json();
      assertThat(doc.get("openapi").asText()).startsWith("3.1");

      Map<String, Set<String>> documented = new HashMap<>();
      doc.get("paths")
          .properties()
          .forEach(
              path ->
                  path.getValue()
                      .properties()
                      .forEach(
                          op -> {
                            Set<String> roles = new TreeSet<>();
                            op.getValue().get("x-roles").forEach(r -> roles.add(r.asText()));
                            documented.put(
                                op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), roles);
                            assertThat(op.getValue().get("security")).isNotNull();
                          }));

      List<Api.Route> routes = server.vigil().routes();
      Map<String, Set<String>> served =
          routes.stream()
              .collect(
                  Collectors.toMap(
                      r -> r.method() + " " + r.path(),
                      r ->
                          r.roles().stream()
                              .map(Role::code)
                              .collect(Collectors.toCollection(TreeSet::new))));
      assertThat(documented).isEqualTo(served);
    }
  }

  @Test
  void every_schema_reference_resolves() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.SQLITE, dir);
        TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
      JsonNode doc = server.get("/api/openapi.json", null).json();
      Set<String> refs = new TreeSet<>();
      collectRefs(doc, refs);
      assertThat(refs).isNotEmpty();
      for (String ref : refs) {
        assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
      }
    }
  }

  private static void collectRefs(JsonNode node, Set<String> refs) {
    if (node.isObject() && node.has("$ref")) refs.add(node.get("$ref").asText());
    node.forEach(child -> collectRefs(child, refs));
  }
}
