package org.workspaceportal.common;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Base of every module exception that a person or script should see: it carries an HTTP status, a
 * stable problem {@code type} and a message written for people. Never include secrets in the
 * detail.
 */
public abstract class PortalException extends ErrorResponseException {

  public static final String TYPE_BASE = "https://workspace-portal.dev/problems/";

  protected PortalException(HttpStatus status, String type, String title, String detail) {
    super(status, problem(status, type, title, detail), null);
  }

  private static ProblemDetail problem(
      HttpStatus status, String type, String title, String detail) {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
    pd.setType(URI.create(TYPE_BASE + type));
    pd.setTitle(title);
    return pd;
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
