package org.workspaceportal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests that reach no controller at all (an unknown path, a wrong method): problem details under
 * {@code /api/}, the ordinary error page everywhere else.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnmappedRequestHandler {

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noSuchPath(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    return answer(
        request,
        response,
        HttpStatus.NOT_FOUND,
        "not-found",
        "Not found",
        "There is no API endpoint at this path.");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> wrongMethod(
      HttpRequestMethodNotSupportedException ex,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    ResponseEntity<ProblemDetail> answer =
        answer(
            request,
            response,
            HttpStatus.METHOD_NOT_ALLOWED,
            "method-not-allowed",
            "Method not allowed",
            "This endpoint does not accept " + ex.getMethod() + ".");
    return answer == null || ex.getSupportedHttpMethods() == null
        ? answer
        : ResponseEntity.status(answer.getStatusCode())
            .allow(ex.getSupportedHttpMethods().toArray(HttpMethod[]::new))
            .body(answer.getBody());
  }

  private static ResponseEntity<ProblemDetail> answer(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String type,
      String title,
      String detail)
      throws IOException {
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      response.sendError(status.value());
      return null;
    }
    return ResponseEntity.status(status)
        .body(ApiExceptionHandler.problem(status, type, title, detail));
  }
}
