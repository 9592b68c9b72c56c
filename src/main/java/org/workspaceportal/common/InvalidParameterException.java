package org.workspaceportal.common;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A query or form parameter outside what the operation accepts: 400, naming it and the range. */
public class InvalidParameterException extends PortalException {

  public InvalidParameterException(String parameter, String message) {
    super(
        HttpStatus.BAD_REQUEST,
        "invalid-parameter",
        "Invalid parameter",
        "Parameter '" + parameter + "' " + message + ".");
    getBody().setProperty("errors", List.of(Map.of("field", parameter, "message", message)));
  }
}
