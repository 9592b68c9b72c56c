package org.workspaceportal.storage.flashblade;

import java.io.IOException;
import java.io.InterruptedIOException;
import org.workspaceportal.storage.StorageException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one call and turns what happened into an {@link Answer} (2xx) or a {@link StorageException}
 * written for people.
 *
 * <p>It does not retry: the caller that orchestrates (the provisioning engine) owns the retry
 * budget, so one engine attempt is one call and attempts never multiply across layers. What it
 * decides here is whether trying again later may help: 429, 5xx except 501 and calls that got no
 * answer are transient ({@link FlashBladeBusy} carries the array's {@code Retry-After}); a refused
 * call or an untrusted certificate is not.
 */
final class ResilientCalls {

  private final JsonMapper json;

  ResilientCalls(JsonMapper json) {
    this.json = json;
  }

  static boolean isRetryableStatus(int status) {
    return status == 429 || (status >= 500 && status != 501);
  }

  /** One try of a call; IO failures are what the transport reports when no answer came. */
  interface Attempt {
    Answer call() throws IOException;
  }

  Answer run(String action, Attempt attempt) {
    try {
      Answer answer = attempt.call();
      if (answer.isSuccess()) {
        return answer;
      }
      if (isRetryableStatus(answer.status())) {
        throw new FlashBladeBusy(
            action,
            answer.status(),
            ApiErrors.parse(json, answer.body()),
            answer.requestId(),
            answer.retryAfter());
      }
      throw new FlashBladeRefusal(
          action, answer.status(), ApiErrors.parse(json, answer.body()), answer.requestId());
    } catch (ExchangeFailure e) {
      throw new FlashBladeUnreachable(action, e);
    } catch (InterruptedIOException e) {
      throw new StorageException(
          "Interrupted while waiting to " + action + " on FlashBlade", true, e);
    } catch (IOException e) {
      throw new StorageException(
          "Could not " + action + " on FlashBlade: " + e.getMessage(), true, e);
    }
  }
}
