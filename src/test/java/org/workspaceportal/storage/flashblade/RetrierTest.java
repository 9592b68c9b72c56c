package org.workspaceportal.storage.flashblade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetrierTest {

  private final List<Duration> waits = new ArrayList<>();
  private final Retrier retrier =
      new Retrier(
          4,
          Duration.ofMillis(100),
          Duration.ofMillis(500),
          waits::add,
          RandomGenerator.of("L64X128MixRandom"));

  @Test
  void retriesARetryableFailureUntilTheAttemptSucceeds() throws IOException {
    AtomicInteger calls = new AtomicInteger();

    String result =
        retrier.run(
            () -> {
              if (calls.incrementAndGet() < 3) {
                throw new IOException("connection reset");
              }
              return "done";
            },
            e -> e instanceof IOException);

    assertThat(result).isEqualTo("done");
    assertThat(calls).hasValue(3);
    assertThat(waits).hasSize(2);
  }

  @Test
  void givesUpAfterMaxAttemptsAndRethrowsTheLastFailure() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                retrier.run(
                    () -> {
                      throw new IOException("attempt " + calls.incrementAndGet());
                    },
                    e -> true))
        .isInstanceOf(IOException.class)
        .hasMessage("attempt 4");
    assertThat(waits).hasSize(3);
  }

  @Test
  void doesNotRetryWhatThePredicateRejects() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                retrier.run(
                    () -> {
                      calls.incrementAndGet();
                      throw new IllegalStateException("permanent");
                    },
                    e -> e instanceof IOException))
        .isInstanceOf(IllegalStateException.class);
    assertThat(calls).hasValue(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void backoffDoublesWithJitterInItsUpperHalfAndIsCapped() {
    for (int i = 0; i < 200; i++) {
      assertThat(retrier.backoff(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
      assertThat(retrier.backoff(2)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
      assertThat(retrier.backoff(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
      assertThat(retrier.backoff(4)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
      assertThat(retrier.backoff(60)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    }
  }

  @Test
  void anInterruptedWaitStopsRetrying() {
    Retrier interrupted =
        new Retrier(
            4,
            Duration.ofMillis(1),
            Duration.ofMillis(1),
            d -> {
              throw new InterruptedException();
            },
            RandomGenerator.getDefault());

    assertThatThrownBy(
            () ->
                interrupted.run(
                    () -> {
                      throw new IOException("reset");
                    },
                    e -> true))
        .isInstanceOf(java.io.InterruptedIOException.class);
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void aRetryAfterLongerThanTheBackoffIsHonouredUpToTheMaximumBackoff() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    Retrier.Attempt<String> twoBusyAnswers =
        () -> {
          if (calls.incrementAndGet() < 3) {
            throw new IllegalStateException("busy");
          }
          return "done";
        };

    retrier.run(twoBusyAnswers, e -> true, e -> Duration.ofMillis(400));
    assertThat(waits).containsExactly(Duration.ofMillis(400), Duration.ofMillis(400));

    waits.clear();
    calls.set(0);
    retrier.run(twoBusyAnswers, e -> true, e -> Duration.ofSeconds(60));
    assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
  }

  @Test
  void aRetryAfterShorterThanTheBackoffChangesNothing() {
    // after 3 failures: 100 ms << 2 = 400 ms ceiling, with equal jitter between 200 and 400 ms
    assertThat(retrier.wait(3, Duration.ofMillis(1)))
        .isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
  }
}
