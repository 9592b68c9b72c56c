package org.workspaceportal.compute;

/** An engine endpoint that cannot work as given (malformed URI, unreadable PEM). */
public class InvalidEndpointException extends ComputeException {

  private final String field;

  public InvalidEndpointException(String field, String message) {
    super(message, false);
    this.field = field;
  }

  /** Which part is wrong: {@code endpoint}, {@code tlsCa}, {@code tlsCert} or {@code tlsKey}. */
  public String field() {
    return field;
  }
}
