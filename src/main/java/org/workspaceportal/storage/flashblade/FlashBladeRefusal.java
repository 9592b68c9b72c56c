package org.workspaceportal.storage.flashblade;

import java.util.List;
import java.util.Locale;
import org.workspaceportal.storage.StorageException;

/**
 * The array answered a call with a 4xx that trying again will not change. The message reads
 * "FlashBlade refused to create bucket 'x': Bucket already exists. (HTTP 400, request id …)". The
 * ensure operations look at {@link #saysAlreadyExists()} and {@link #saysDoesNotExist()} to tell a
 * race or an absent object from a real refusal; the REST API documents no codes for these, only
 * messages.
 */
final class FlashBladeRefusal extends StorageException {

  private final int status;
  private final transient List<ApiError> errors;

  FlashBladeRefusal(String action, int status, List<ApiError> errors, String requestId) {
    super(
        "FlashBlade refused to "
            + action
            + ": "
            + ApiErrors.describe(errors)
            + " (HTTP "
            + status
            + (requestId == null ? "" : ", request id " + requestId)
            + ")",
        false);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  int status() {
    return status;
  }

  List<ApiError> errors() {
    return errors;
  }

  boolean saysAlreadyExists() {
    return status == 400 && mentions("already exist");
  }

  /**
   * A lookup by {@code names=} answers 400 for a name that does not exist; some gateways answer
   * 404.
   */
  boolean saysDoesNotExist() {
    return status == 404
        || (status == 400
            && (mentions("does not exist") || mentions("not found") || mentions("no such")));
  }

  boolean mentions(String phrase) {
    String wanted = phrase.toLowerCase(Locale.ROOT);
    return errors.stream()
        .anyMatch(
            e -> e.message() != null && e.message().toLowerCase(Locale.ROOT).contains(wanted));
  }
}
