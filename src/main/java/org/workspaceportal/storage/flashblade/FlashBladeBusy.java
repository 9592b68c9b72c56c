package org.workspaceportal.storage.flashblade;

import java.util.List;
import org.workspaceportal.storage.StorageException;

/**
 * The array kept answering 429 or 5xx (after the retries the call was allowed); trying later may
 * work.
 */
final class FlashBladeBusy extends StorageException {

  private final int status;

  FlashBladeBusy(String action, int status, List<ApiError> errors, String requestId, int attempts) {
    super(
        "FlashBlade could not "
            + action
            + " now: "
            + ApiErrors.describe(errors)
            + " (HTTP "
            + status
            + (attempts > 1 ? " on all " + attempts + " attempts" : "")
            + (requestId == null ? "" : ", request id " + requestId)
            + ")",
        true);
    this.status = status;
  }

  int status() {
    return status;
  }
}
