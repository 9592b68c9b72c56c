package org.workspaceportal.storage.flashblade;

/**
 * What the array answered. {@code sessionToken} is the {@code x-auth-token} header, present only on
 * a login answer; it is a secret and deliberately left out of {@link #toString()}.
 */
record Answer(int status, byte[] body, String requestId, String sessionToken) {

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  @Override
  public String toString() {
    return "Answer[status=" + status + ", requestId=" + requestId + "]";
  }
}
