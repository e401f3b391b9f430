package org.vigil.http;

import java.util.List;

/**
 * A request Vigil refuses, answered as {@code application/problem+json} (RFC 9457). It never
 * changes stored data: handlers validate everything before they write.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String title;
  private final transient List<FieldError> errors;

  public ApiError(int status, String title, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public static ApiError invalid(List<FieldError> errors) {
    String detail =
        errors.size() == 1
            ? errors.getFirst().field() + ": " + errors.getFirst().reason()
            : errors.size() + " fields are invalid";
    return new ApiError(422, "Invalid input", detail, errors);
  }

  public static ApiError invalid(String field, String reason) {
    return invalid(List.of(new FieldError(field, reason)));
  }

  public static ApiError badRequest(String detail) {
    return new ApiError(400, "Bad request", detail, List.of());
  }

  public static ApiError notFound(String what) {
    return new ApiError(404, "Not found", what, List.of());
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** One field that is wrong, and why. {@code field} is a JSON pointer-like path or a name. */
  public record FieldError(String field, String reason) {}
}
