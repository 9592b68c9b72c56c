package org.workspaceportal.flashbladesim;

import java.util.List;
import java.util.Map;

/**
 * What a resource answers.
 *
 * @param body serialized as JSON; {@code null} sends no body
 * @param headers extra response headers
 */
record ApiResponse(int status, Object body, Map<String, String> headers) {

  static ApiResponse ok(Object body) {
    return new ApiResponse(200, body, Map.of());
  }

  /** The envelope of POST and PATCH responses. */
  static ApiResponse items(List<?> items) {
    return ok(new Items(items));
  }

  static ApiResponse noContent() {
    return new ApiResponse(200, null, Map.of());
  }

  static ApiResponse errors(int status, List<ApiError> errors) {
    return new ApiResponse(status, new Errors(errors), Map.of());
  }

  record Items(List<?> items) {}

  record Errors(List<ApiError> errors) {}

  /** The gateway's flat error body, used by 403 and 429 answers. */
  record FlatError(String message) {}
}
