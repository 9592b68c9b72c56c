package org.workspaceportal.common;

import org.springframework.http.HttpStatus;

/** Something does not exist, or exists but is not the caller's to see: both answer the same 404. */
public class NotFoundException extends PortalException {

  public NotFoundException(String what) {
    super(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found.");
  }
}
