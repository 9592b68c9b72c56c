package org.workspaceportal.identity;

import org.springframework.http.HttpStatus;
import org.workspaceportal.common.PortalException;

/** A token request that cannot be honoured as asked: 400. */
public class InvalidTokenRequestException extends PortalException {

  public InvalidTokenRequestException(String detail) {
    super(HttpStatus.BAD_REQUEST, "invalid-token-request", "Invalid token request", detail);
  }
}
