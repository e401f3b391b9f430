package org.vigil.http;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jetty.http.BadMessageException;

/**
 * Reads a multipart form's parts, answering a body Jetty cannot parse with 400 and one over the
 * limits with 413, as problem documents: such bodies come from broken or hostile clients, not from
 * a failure of Vigil's, and once answered 500 with a stack trace in the log. Whichever part is read
 * first (the CSRF field, for a console form; the file, for the API) parses the whole body.
 */
public final class MultipartForm {
  private MultipartForm() {}

  /**
   * The file sent as part {@code name}, or null. The body is parsed here, at the first read of a
   * part; later reads ({@code ctx.formParam}) use the parts parsed.
   */
  public static UploadedFile file(Context ctx, String name) {
    return read(ctx, () -> ctx.uploadedFile(name));
  }

  /** The text sent as part {@code name}, or null; parsed as {@link #file} says. */
  public static String field(Context ctx, String name) {
    return read(ctx, () -> ctx.formParam(name));
  }

  private static <T> T read(Context ctx, Supplier<T> part) {
    try {
      T value = part.get();
      // Jetty reads a body in which it finds no boundary it knows but the closing one as a form
      // without parts, not as an error.
      if (ctx.req().getParts().isEmpty()) {
        throw ApiError.badRequest(
            "the multipart body has no parts: is its boundary the one named in Content-Type?");
      }
      return value;
    } catch (ApiError e) {
      throw e;
    } catch (Exception e) { // Javalin passes Jetty's checked exceptions on undeclared
      throw refusal(e);
    }
  }

  /**
   * What Jetty 11 throws, as Vigil answers it. Over the limits of http.WebServer's multipart
   * configuration: {@code IllegalStateException("Multipart Mime part file exceeds max filesize")}
   * or {@code ("Request exceeds maxRequestSize (…)")}. A malformed body: {@code IOException}
   * ("Missing initial multi part boundary", "Incomplete Multipart", "No name in part", "Missing
   * content-disposition"), its subclass {@code EofException} ("Early EOF": the client went away
   * before the end of its body), {@code IllegalStateException} ("Header Line Exceeded Max Length"),
   * {@code BadMessageException} (a part's headers unreadable) or {@code ServletException} (not a
   * multipart request after all); a {@code _charset_} part or a part's {@code charset=} that names
   * no charset Java knows: {@code IllegalCharsetNameException} or {@code
   * UnsupportedCharsetException} (found by fuzzing).
   */
  private static RuntimeException refusal(Exception e) {
    String message = String.valueOf(e.getMessage());
    if (e instanceof IllegalStateException && message.contains("exceeds max filesize")) {
      return tooLarge("the photo must be at most 25 MiB");
    }
    if (e instanceof IllegalStateException && message.contains("exceeds maxRequestSize")) {
      return tooLarge("the form must be at most 27 MiB in all");
    }
    if (e instanceof BadMessageException bad && bad.getCode() == 413) {
      return tooLarge("the form is too large");
    }
    if (e instanceof IllegalCharsetNameException || e instanceof UnsupportedCharsetException) {
      return ApiError.badRequest("the multipart body names an unknown charset: " + message);
    }
    if (e instanceof IOException
        || e instanceof IllegalStateException
        || e instanceof BadMessageException
        || e instanceof ServletException) {
      return ApiError.badRequest("the multipart body is malformed: " + message);
    }
    return e instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(e);
  }

  private static ApiError tooLarge(String detail) {
    return new ApiError(413, "Content too large", detail, List.of());
  }
}
