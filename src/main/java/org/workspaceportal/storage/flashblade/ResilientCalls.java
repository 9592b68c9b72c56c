package org.workspaceportal.storage.flashblade;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.function.Predicate;
import org.workspaceportal.storage.StorageException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a call under the retry policy and turns what finally happened into an {@link Answer} (2xx)
 * or a {@link StorageException} written for people.
 *
 * <p>Idempotent calls are retried on 429, on 5xx except 501, and when no answer came. A call marked
 * {@link Exchange#once()} is retried only when it provably never left this machine; a 429 or 5xx
 * answer to it is reported at once ({@link FlashBladeBusy}) so that the caller can check what the
 * array did before deciding to send it again.
 */
final class ResilientCalls {

  private final Retrier retrier;
  private final JsonMapper json;

  ResilientCalls(Retrier retrier, JsonMapper json) {
    this.retrier = retrier;
    this.json = json;
  }

  static boolean isRetryableStatus(int status) {
    return status == 429 || (status >= 500 && status != 501);
  }

  Answer run(Exchange exchange, String action, Retrier.Attempt<Answer> attempt) {
    int[] attempts = {0};
    try {
      Answer answer =
          retrier.run(
              () -> {
                attempts[0]++;
                Answer candidate = attempt.call();
                if (isRetryableStatus(candidate.status()) && !exchange.once()) {
                  throw new RetryableAnswer(candidate);
                }
                return candidate;
              },
              retryable(exchange),
              failure -> failure instanceof RetryableAnswer busy ? busy.answer.retryAfter() : null);
      if (answer.isSuccess()) {
        return answer;
      }
      if (isRetryableStatus(answer.status())) {
        throw busy(action, answer, attempts[0]);
      }
      throw new FlashBladeRefusal(
          action, answer.status(), ApiErrors.parse(json, answer.body()), answer.requestId());
    } catch (RetryableAnswer e) {
      throw busy(action, e.answer, attempts[0]);
    } catch (ExchangeFailure e) {
      throw new FlashBladeUnreachable(action, e, attempts[0]);
    } catch (InterruptedIOException e) {
      throw new StorageException(
          "Interrupted while waiting to " + action + " on FlashBlade", true, e);
    } catch (IOException e) {
      throw new StorageException(
          "Could not " + action + " on FlashBlade: " + e.getMessage(), true, e);
    }
  }

  private static Predicate<Exception> retryable(Exchange exchange) {
    return failure ->
        failure instanceof RetryableAnswer
            || (failure instanceof ExchangeFailure noAnswer
                && !noAnswer.certificateRejected()
                && (!exchange.once() || !noAnswer.requestSent()));
  }

  private FlashBladeBusy busy(String action, Answer answer, int attempts) {
    return new FlashBladeBusy(
        action,
        answer.status(),
        ApiErrors.parse(json, answer.body()),
        answer.requestId(),
        attempts);
  }

  /** Carries a retryable answer out of an attempt; never leaves this class. */
  private static final class RetryableAnswer extends RuntimeException {
    private final transient Answer answer;

    RetryableAnswer(Answer answer) {
      super("HTTP " + answer.status(), null, false, false);
      this.answer = answer;
    }
  }
}
