package org.workspaceportal.workspace;

import org.springframework.http.HttpStatus;
import org.workspaceportal.common.PortalException;

/**
 * Someone who is neither an admin nor an approver of the owner's team tried to approve or reject a
 * request: 403, as the URL rule gave before approvers existed.
 */
public class NotAnApproverException extends PortalException {

  public NotAnApproverException() {
    this(
        "Approving and rejecting requests needs the ADMIN role, or being an approver of the"
            + " requester's team.");
  }

  public NotAnApproverException(String detail) {
    super(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
  }
}
