package org.workspaceportal.identity;

import org.springframework.http.HttpStatus;
import org.workspaceportal.common.PortalException;

/** A user with that name exists already: 409. */
public class UsernameTakenException extends PortalException {

  public UsernameTakenException(String username) {
    super(
        HttpStatus.CONFLICT,
        "username-taken",
        "Username taken",
        "A user named '" + username + "' already exists.");
  }
}
