package org.workspaceportal.flashbladesim;

import java.util.List;
import java.util.Map;

/**
 * The answer a real array (or its API gateway) gives with a given error status, for calls a {@link
 * CallInterceptor} fails.
 */
final class ErrorAnswers {

  private ErrorAnswers() {}

  static ApiResponse response(int status) {
    return switch (status) {
      // the gateway ("kong") answers 403 and 429 itself, with a flat body
      case 429 ->
          new ApiResponse(
              429,
              new ApiResponse.FlatError("API rate limit exceeded"),
              Map.of("Retry-After", "1", "X-RateLimit-Remaining-second", "0"));
      case 403 -> new ApiResponse(403, new ApiResponse.FlatError("Forbidden"), Map.of());
      case 401 -> ApiResponse.errors(401, List.of(new ApiError(null, "Invalid session.")));
      default ->
          ApiResponse.errors(
              status,
              List.of(
                  new ApiError(
                      null,
                      status >= 500
                          ? "Internal server error (injected)."
                          : "Request failed (injected).")));
    };
  }
}
