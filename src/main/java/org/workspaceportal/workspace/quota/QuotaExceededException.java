package org.workspaceportal.workspace.quota;

import org.springframework.http.HttpStatus;
import org.workspaceportal.common.PortalException;

/** The owner's quota does not allow this: 409, naming the limit and the current usage. */
public class QuotaExceededException extends PortalException {

  public QuotaExceededException(String detail) {
    super(HttpStatus.CONFLICT, "quota-exceeded", "Quota exceeded", detail);
  }
}
