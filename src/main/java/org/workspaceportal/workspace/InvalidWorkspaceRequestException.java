package org.workspaceportal.workspace;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.workspaceportal.common.PortalException;

/**
 * A request that is well-formed but breaks a rule that needs the database to check: 400 per field.
 */
public class InvalidWorkspaceRequestException extends PortalException {

  private final String field;

  public InvalidWorkspaceRequestException(String field, String message) {
    super(HttpStatus.BAD_REQUEST, "validation", "Invalid request", field + ": " + message);
    this.field = field;
    getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
  }

  public String field() {
    return field;
  }

  public String fieldMessage() {
    return getBody().getDetail().substring(field.length() + 2);
  }
}
