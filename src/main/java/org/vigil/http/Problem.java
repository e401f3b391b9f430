package org.vigil.http;

import java.util.List;

/** The body of an error response, as RFC 9457 defines it, with the fields that were wrong. */
record Problem(
    String type, String title, int status, String detail, List<ApiError.FieldError> errors) {

  static Problem of(int status, String title, String detail, List<ApiError.FieldError> errors) {
    return new Problem("about:blank", title, status, detail, errors);
  }
}
