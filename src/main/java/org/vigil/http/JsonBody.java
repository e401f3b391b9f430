package org.vigil.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** Reads a request body as one JSON object, or answers 415 / 413 / 400 naming what is wrong. */
public final class JsonBody {
  /** Reads the document only: what follows it is checked here, to say what is wrong. */
  private static final ObjectReader ONE_DOCUMENT =
      Json.mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonBody() {}

  public static Fields fields(Context ctx) {
    return Fields.of(object(ctx));
  }

  public static ObjectNode object(Context ctx) {
    requireJson(ctx);
    try {
      return object(body(ctx));
    } catch (IOException e) {
      throw ApiError.badRequest("the body could not be read: " + e.getMessage());
    }
  }

  /** A body's bytes as one JSON object, or a 400 saying why they are not one. */
  public static ObjectNode object(byte[] body) {
    JsonNode node;
    try (JsonParser parser = Json.mapper().createParser(body)) {
      node = ONE_DOCUMENT.readTree(parser);
      if (node != null) requireEnd(parser);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw ApiError.badRequest(
          "the body is not valid JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiError.badRequest("the body could not be read: " + e.getMessage());
    }
    if (node == null || node.isMissingNode()) throw ApiError.badRequest("the body is empty");
    if (!(node instanceof ObjectNode object)) {
      throw ApiError.badRequest("the body must be a JSON object");
    }
    return object;
  }

  /**
   * Data after the JSON document ({@code {"name": "a"} xyz}, {@code {} {}}) is refused: reading the
   * first document and dropping the rest would lose what the client sent without a word.
   */
  private static void requireEnd(JsonParser parser) throws IOException {
    JsonLocation at;
    try {
      if (parser.nextToken() == null) return;
      at = parser.currentTokenLocation();
    } catch (JsonProcessingException notJson) {
      at = notJson.getLocation();
    }
    String where = at == null ? "" : ", at line " + at.getLineNr() + ", column " + at.getColumnNr();
    throw ApiError.badRequest(
        "the body has data after its JSON document" + where + ": send one JSON object");
  }

  /**
   * The request body, at most {@link WebServer#MAX_BODY_BYTES}. Read straight from the request
   * rather than through Javalin's copy, which costs a visible share of a small request's time.
   */
  private static byte[] body(Context ctx) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    if (declared > WebServer.MAX_BODY_BYTES) throw tooLarge();
    byte[] body = ctx.req().getInputStream().readNBytes((int) WebServer.MAX_BODY_BYTES + 1);
    if (body.length > WebServer.MAX_BODY_BYTES) throw tooLarge();
    return body;
  }

  private static ApiError tooLarge() {
    return new ApiError(
        413,
        "Content too large",
        "the body must be at most " + WebServer.MAX_BODY_BYTES / 1024 + " KiB",
        List.of());
  }

  private static void requireJson(Context ctx) {
    String type = ctx.contentType();
    String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json") && !media.endsWith("+json")) {
      throw new ApiError(
          415,
          "Unsupported media type",
          "send the body as application/json (got "
              + (type == null ? "no Content-Type" : type)
              + ")",
          List.of(new ApiError.FieldError("Content-Type", "must be application/json")));
    }
  }
}
