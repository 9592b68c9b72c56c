package org.workspaceportal.storage.flashblade;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Runs an attempt up to {@code maxAttempts} times while the failure is one the predicate calls
 * retryable, waiting between attempts: exponential backoff capped at {@code maxBackoff}, with
 * "equal jitter" (half the wait fixed, half random) so that several portal threads hitting a busy
 * array do not come back in step, yet never retry at once. The last failure is rethrown unchanged;
 * the caller decides how to describe it.
 */
final class Retrier {

  /** One try; IO failures and runtime exceptions are both offered to the predicate. */
  interface Attempt<T> {
    T call() throws IOException;
  }

  /** Waiting is a seam so that tests can record the waits instead of sleeping. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Sleeper sleeper;
  private final RandomGenerator random;

  Retrier(
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      Sleeper sleeper,
      RandomGenerator random) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.sleeper = sleeper;
    this.random = random;
  }

  static Retrier sleeping(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    return new Retrier(
        maxAttempts,
        initialBackoff,
        maxBackoff,
        d -> Thread.sleep(d),
        RandomGenerator.getDefault());
  }

  int maxAttempts() {
    return maxAttempts;
  }

  <T> T run(Attempt<T> attempt, Predicate<Exception> retryable) throws IOException {
    return run(attempt, retryable, failure -> null);
  }

  /**
   * Like {@link #run(Attempt, Predicate)}, and waits at least as long as the failure asks (an
   * array's {@code Retry-After}), though never longer than {@code maxBackoff}: a longer wait is
   * better left to the caller's own, slower retry.
   */
  <T> T run(
      Attempt<T> attempt, Predicate<Exception> retryable, Function<Exception, Duration> askedWait)
      throws IOException {
    for (int attemptNumber = 1; ; attemptNumber++) {
      try {
        return attempt.call();
      } catch (IOException | RuntimeException failure) {
        if (attemptNumber >= maxAttempts || !retryable.test(failure)) {
          throw failure;
        }
        pause(wait(attemptNumber, askedWait.apply(failure)));
      }
    }
  }

  Duration wait(int failedAttempts, Duration asked) {
    Duration backoff = backoff(failedAttempts);
    if (asked == null || asked.compareTo(backoff) <= 0) {
      return backoff;
    }
    return asked.compareTo(maxBackoff) > 0 ? maxBackoff : asked;
  }

  /** The wait after the given number of failed attempts. */
  Duration backoff(int failedAttempts) {
    long capMillis = Math.max(1, maxBackoff.toMillis());
    long exponential = initialBackoff.toMillis() << Math.min(failedAttempts - 1, 20);
    long ceiling = Math.max(1, Math.min(capMillis, exponential));
    long half = ceiling / 2;
    return Duration.ofMillis(ceiling - half + random.nextLong(half + 1));
  }

  private void pause(Duration wait) throws InterruptedIOException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to try again");
    }
  }
}
