package org.vigil.http;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * A response body rendered once and served to many readers: its bytes and, when it is large enough
 * for compression to pay, the same bytes gzipped once, rather than by Javalin for every reader that
 * accepts gzip. {@link #send} writes the kept bytes in one write with their length, not through
 * Javalin's result stream (which copies each body through a fresh 8 KiB buffer).
 */
public record StoredBody(byte[] bytes, byte[] gzipped) {
  /** Javalin's own threshold: smaller bodies are sent as they are. */
  static final int MIN_GZIP_BYTES = 1500;

  public static StoredBody of(byte[] bytes) {
    if (bytes.length < MIN_GZIP_BYTES) return new StoredBody(bytes, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new StoredBody(bytes, out.size() < bytes.length ? out.toByteArray() : null);
  }

  /** Sends the body with {@code contentType}, gzipped if kept so and the client accepts gzip. */
  public void send(Context ctx, String contentType) {
    byte[] body = bytes;
    HttpServletResponse res = ctx.res();
    if (gzipped != null) {
      res.setHeader("Vary", "Accept-Encoding");
      String accepted = ctx.header("Accept-Encoding");
      if (accepted != null && accepted.contains("gzip")) {
        res.setHeader("Content-Encoding", "gzip");
        body = gzipped;
      }
    }
    res.setContentType(contentType);
    res.setContentLength(body.length);
    try {
      res.getOutputStream().write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
