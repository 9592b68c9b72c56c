package org.workspaceportal.storage.flashblade;

import java.time.Duration;

/**
 * What the array answered. {@code sessionToken} is the {@code x-auth-token} header, present only on
 * a login answer; it is a secret and deliberately left out of {@link #toString()}. {@code
 * retryAfter} is the {@code Retry-After} header of a 429 or 503, when the array sent one.
 */
record Answer(int status, byte[] body, String requestId, String sessionToken, Duration retryAfter) {

  Answer(int status, byte[] body, String requestId, String sessionToken) {
    this(status, body, requestId, sessionToken, null);
  }

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  @Override
  public String toString() {
    return "Answer[status=" + status + ", requestId=" + requestId + "]";
  }
}
