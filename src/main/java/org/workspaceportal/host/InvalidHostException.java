package org.workspaceportal.host;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.workspaceportal.common.PortalException;

/** A host registration that breaks a rule: 400 naming each field and what is wrong with it. */
public class InvalidHostException extends PortalException {

  /** One field and what is wrong with it. */
  public record FieldError(String field, String message) {}

  private final List<FieldError> errors;

  public InvalidHostException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public InvalidHostException(List<FieldError> errors) {
    super(
        HttpStatus.BAD_REQUEST,
        "validation",
        "Invalid request",
        errors.stream()
            .map(e -> e.field() + ": " + e.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse(""));
    this.errors = List.copyOf(errors);
    getBody()
        .setProperty(
            "errors",
            errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
  }

  public List<FieldError> errors() {
    return errors;
  }
}
