package org.workspaceportal.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.workspaceportal.common.PortalException;
import org.workspaceportal.common.ProblemResponses;

/**
 * Every API error as {@code application/problem+json} with a stable {@code type}. Module exceptions
 * ({@link PortalException}) bring their own status and type; Spring MVC's own exceptions are mapped
 * by the base class and refined here; anything unexpected is logged and answered without internals.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(
                e ->
                    Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
            .toList();
    // field errors only: no request body record has a class-level constraint
    List<Map<String, String>> all = errors;
    ProblemDetail pd =
        problem(
            HttpStatus.BAD_REQUEST,
            "validation",
            "Invalid request",
            all.stream()
                .map(e -> e.get("field") + ": " + e.get("message"))
                .collect(Collectors.joining("; ")));
    pd.setProperty("errors", all);
    return ResponseEntity.badRequest().body(pd);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        ex.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(
                            e ->
                                Map.of(
                                    "field",
                                    String.valueOf(r.getMethodParameter().getParameterName()),
                                    "message",
                                    String.valueOf(e.getDefaultMessage()))))
            .toList();
    ProblemDetail pd =
        problem(
            HttpStatus.BAD_REQUEST,
            "validation",
            "Invalid request",
            errors.isEmpty()
                ? "Some parameters are invalid."
                : errors.stream()
                    .map(e -> e.get("field") + ": " + e.get("message"))
                    .collect(Collectors.joining("; ")));
    pd.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(pd);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (causedBy(ex, RequestTooLargeException.class)) {
      return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
          .body(RequestTooLargeException.problem());
    }
    Map<String, String> field = UnreadableJson.fieldError(ex);
    ProblemDetail pd =
        problem(
            HttpStatus.BAD_REQUEST,
            "malformed-body",
            "Malformed request body",
            field == null
                ? "The request body is not valid JSON for this operation."
                : "The request body cannot be read: '"
                    + field.get("field")
                    + "' "
                    + field.get("message")
                    + ".");
    if (field != null) {
      pd.setProperty("errors", List.of(field));
    }
    return ResponseEntity.badRequest().body(pd);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
    String detail = "Parameter '" + ex.getName() + "' has an invalid value.";
    if (ex.getRequiredType() != null && ex.getRequiredType().isEnum()) {
      detail += " Allowed: " + List.of(ex.getRequiredType().getEnumConstants()) + ".";
    }
    return ResponseEntity.badRequest()
        .body(problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail));
  }

  @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
  ResponseEntity<ProblemDetail> concurrentChange(ObjectOptimisticLockingFailureException ex) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(
            problem(
                HttpStatus.CONFLICT,
                "concurrent-change",
                "Changed meanwhile",
                "Someone else changed this at the same time; reload and try again."));
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ProblemDetail> unstorable(DataIntegrityViolationException ex) {
    log.info(
        "Refused a value the database cannot store: {}", ex.getMostSpecificCause().getMessage());
    return ResponseEntity.badRequest()
        .body(
            problem(
                HttpStatus.BAD_REQUEST,
                "unstorable-value",
                "Invalid value",
                "A value cannot be stored (for example a control character or a date out of range)."));
  }

  @ExceptionHandler(PortalException.class)
  ResponseEntity<ProblemDetail> portal(PortalException ex) {
    return ResponseEntity.status(ex.getStatusCode()).body(ex.getBody());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception ex) {
    log.error("Unexpected error in an API call", ex);
    return ResponseEntity.internalServerError()
        .body(
            problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Internal error",
                "Something went wrong on our side; it has been logged."));
  }

  static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    return ProblemResponses.of(status, type, title, detail);
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail pd
        && (pd.getType() == null || "about:blank".equals(pd.getType().toString()))) {
      pd.setType(URI.create(PortalException.TYPE_BASE + "http-" + statusCode.value()));
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
