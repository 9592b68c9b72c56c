package org.workspaceportal.web;

import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Thrown while reading a request body that grows past the API limit. */
class RequestTooLargeException extends IOException {

  RequestTooLargeException(long limit) {
    super("request body larger than " + limit + " bytes");
  }

  static ProblemDetail problem() {
    return ApiExceptionHandler.problem(
        HttpStatus.CONTENT_TOO_LARGE,
        "body-too-large",
        "Request body too large",
        "The request body is larger than this API accepts.");
  }
}
