package org.workspaceportal.flashbladesim;

import java.util.List;

/**
 * A request the simulated array refuses; becomes {@code {"errors":[...]}} with the given status.
 */
final class ApiException extends RuntimeException {

  private final int status;
  private final transient List<ApiError> errors;

  ApiException(int status, List<ApiError> errors) {
    super(errors.isEmpty() ? "error " + status : errors.getFirst().message());
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  static ApiException badRequest(String context, String message) {
    return new ApiException(400, List.of(new ApiError(context, message)));
  }

  static ApiException badRequest(String message) {
    return badRequest(null, message);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, List.of(new ApiError(null, message)));
  }

  int status() {
    return status;
  }

  List<ApiError> errors() {
    return errors;
  }
}
