package org.workspaceportal.identity;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.workspaceportal.common.PortalException;

/** A change to a user that breaks a rule: 400 naming the field. */
public class InvalidUserRequestException extends PortalException {

  private final String field;
  private final String fieldMessage;

  public InvalidUserRequestException(String field, String message) {
    super(HttpStatus.BAD_REQUEST, "validation", "Invalid request", field + ": " + message);
    getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
    this.field = field;
    this.fieldMessage = message;
  }

  /** The field at fault, for a form to show the message under it. */
  public String field() {
    return field;
  }

  /** The message without the field's name. */
  public String fieldMessage() {
    return fieldMessage;
  }
}
