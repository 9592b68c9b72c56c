package org.workspaceportal.flashbladesim;

import java.util.List;

/** One REST 2.x collection, e.g. {@code buckets}; methods it does not support answer 405. */
interface ApiResource {

  default ApiResponse get(ApiRequest request) {
    throw notAllowed(request);
  }

  default ApiResponse post(ApiRequest request) {
    throw notAllowed(request);
  }

  default ApiResponse patch(ApiRequest request) {
    throw notAllowed(request);
  }

  default ApiResponse delete(ApiRequest request) {
    throw notAllowed(request);
  }

  private static ApiException notAllowed(ApiRequest request) {
    return new ApiException(
        405,
        List.of(
            new ApiError(
                null,
                "Method " + request.method() + " is not allowed on " + request.resource() + ".")));
  }
}
