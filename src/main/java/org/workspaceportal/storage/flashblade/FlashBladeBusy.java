package org.workspaceportal.storage.flashblade;

import java.time.Duration;
import java.util.List;
import org.workspaceportal.storage.StorageException;

/**
 * The array answered 429 or 5xx; trying later may work, after the {@code Retry-After} it sent, if
 * any.
 */
final class FlashBladeBusy extends StorageException {

  private final int status;

  FlashBladeBusy(
      String action, int status, List<ApiError> errors, String requestId, Duration retryAfter) {
    super(
        "FlashBlade could not "
            + action
            + " now: "
            + ApiErrors.describe(errors)
            + " (HTTP "
            + status
            + (requestId == null ? "" : ", request id " + requestId)
            + ")",
        true,
        null,
        retryAfter);
    this.status = status;
  }

  int status() {
    return status;
  }
}
