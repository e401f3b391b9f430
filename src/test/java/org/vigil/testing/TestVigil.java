package org.vigil.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vigil.Vigil;
import org.vigil.http.Cidr;
import org.vigil.security.Role;

/** A real Vigil server on a random port, with a token for each role and a small HTTP client. */
public final class TestVigil implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Vigil vigil;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<Role, String> tokens = new EnumMap<>(Role.class);

  private TestVigil(Vigil vigil) {
    this.vigil = vigil;
  }

  public static TestVigil start(TestDatabase db, Path keyset) {
    return start(db, keyset, 1000);
  }

  public static TestVigil start(TestDatabase db, Path keyset, int publicPerMinute) {
    return start(db, keyset, publicPerMinute, List.of());
  }

  /** A server behind reverse proxies in {@code trustedProxies} (see ClientAddress). */
  public static TestVigil start(
      TestDatabase db, Path keyset, int publicPerMinute, List<Cidr> trustedProxies) {
    return new TestVigil(
        Vigil.serve(
            new Vigil.Settings(
                db.url(),
                keyset,
                "127.0.0.1",
                0,
                publicPerMinute,
                trustedProxies,
                Vigil.DEFAULT_GROUP_NAME)));
  }

  /**
   * A server on a given port: another one on the same database and keyset after a first one
   * stopped, as a node restarting after a crash or an outage.
   */
  public static TestVigil startOnPort(TestDatabase db, Path keyset, int port) {
    return new TestVigil(
        Vigil.serve(
            new Vigil.Settings(
                db.url(), keyset, "127.0.0.1", port, 1000, List.of(), Vigil.DEFAULT_GROUP_NAME)));
  }

  /** A server whose console runs on {@code console}'s clock and timeouts. */
  public static TestVigil start(
      TestDatabase db, Path keyset, List<Cidr> trustedProxies, Vigil.ConsoleSettings console) {
    return new TestVigil(
        Vigil.serve(
            new Vigil.Settings(
                db.url(),
                keyset,
                "127.0.0.1",
                0,
                1000,
                trustedProxies,
                Vigil.DEFAULT_GROUP_NAME,
                console)));
  }

  public Vigil vigil() {
    return vigil;
  }

  public String base() {
    return "http://127.0.0.1:" + vigil.port();
  }

  /** A bearer token of a user with this role, created on first use. */
  public synchronized String token(Role role) {
    return tokens.computeIfAbsent(
        role,
        r -> {
          if (vigil.accounts().findUser("test-" + r.code()).isEmpty()) {
            vigil.accounts().addUser("test-" + r.code(), r);
          }
          return vigil.accounts().createToken("test-" + r.code());
        });
  }

  public Response get(String path, Role role) {
    return send(request(path, role).GET().build());
  }

  public Response post(String path, String json, Role role, String... headers) {
    HttpRequest.Builder builder =
        request(path, role)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (headers.length > 0) builder.headers(headers);
    return send(builder.build());
  }

  /**
   * Uploads a photo as a browser form does ({@code multipart/form-data}): the text fields in order,
   * then the JPEG as {@code file}.
   */
  public Response uploadPhoto(byte[] jpeg, Map<String, String> fields, Role role) {
    String boundary = "vigil-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (name, value) ->
            body.writeBytes(
                ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                        .formatted(boundary, name, value))
                    .getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(
        ("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n")
            .formatted(boundary)
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(jpeg);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        request("/api/media", role)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  /** Sends {@code body} as is to the photo upload, with {@code contentType}: for broken bodies. */
  public Response uploadRaw(String contentType, byte[] body, Role role) {
    return send(
        request("/api/media", role)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  public Response patch(String path, String json, Role role) {
    return send(
        request(path, role)
            .header("Content-Type", "application/merge-patch+json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path, Role role) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + path));
    if (role != null) builder.header("Authorization", "Bearer " + token(role));
    return builder;
  }

  @Override
  public void close() {
    vigil.close();
  }

  /** A response with its body parsed as JSON where it is JSON. */
  public record Response(HttpResponse<String> raw) {
    public int status() {
      return raw.statusCode();
    }

    public String body() {
      return raw.body();
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + raw.body(), e);
      }
    }

    @Override
    public String toString() {
      return raw.statusCode() + " " + raw.body();
    }
  }
}
