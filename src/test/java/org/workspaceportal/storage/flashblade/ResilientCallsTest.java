package org.workspaceportal.storage.flashblade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A call is sent once (the engine owns retries); what its failure says decides whether the engine
 * may try again, and when.
 */
class ResilientCallsTest {

  private final ResilientCalls calls = new ResilientCalls(FlashBladeJson.mapper());
  private final AtomicInteger attempts = new AtomicInteger();

  @Test
  void aSuccessfulAnswerIsReturned() {
    Answer answer =
        calls.run(
            "look up bucket 'b'",
            () -> {
              attempts.incrementAndGet();
              return new Answer(200, "{}".getBytes(StandardCharsets.UTF_8), "r", null);
            });

    assertThat(answer.status()).isEqualTo(200);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void aRefusedConnectionIsTransientAndNotResentHere() {
    assertThatThrownBy(
            () ->
                calls.run(
                    "create an access key",
                    () -> {
                      attempts.incrementAndGet();
                      throw new ExchangeFailure(
                          "ConnectException: refused", new ConnectException("refused"), false);
                    }))
        .isInstanceOfSatisfying(
            FlashBladeUnreachable.class,
            e -> {
              assertThat(e.requestSent()).isFalse();
              assertThat(e.isTransient()).isTrue();
            });
    assertThat(attempts).hasValue(1);
  }

  @Test
  void aTimeoutSaysTheRequestMayHaveArrived() {
    assertThatThrownBy(
            () ->
                calls.run(
                    "create an access key",
                    () -> {
                      attempts.incrementAndGet();
                      throw new ExchangeFailure(
                          "SocketTimeoutException: timeout",
                          new SocketTimeoutException("timeout"),
                          true);
                    }))
        .isInstanceOfSatisfying(
            FlashBladeUnreachable.class,
            e -> {
              assertThat(e.requestSent()).isTrue();
              assertThat(e.isTransient()).isTrue();
              assertThat(e.getMessage())
                  .isEqualTo(
                      "FlashBlade did not answer when asked to create an access key:"
                          + " SocketTimeoutException: timeout");
            });
    assertThat(attempts).hasValue(1);
  }

  @Test
  void aBusyAnswerIsTransientAndPassesOnTheArraysRetryAfter() {
    assertThatThrownBy(
            () ->
                calls.run(
                    "create an access key",
                    () -> {
                      attempts.incrementAndGet();
                      return new Answer(429, new byte[0], "r", null, Duration.ofSeconds(7));
                    }))
        .isInstanceOfSatisfying(
            FlashBladeBusy.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.isTransient()).isTrue();
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
            });
    assertThat(attempts).hasValue(1);
  }

  @Test
  void notImplementedIsNotWorthAnotherTry() {
    assertThatThrownBy(
            () -> calls.run("create a bucket", () -> new Answer(501, new byte[0], "r", null)))
        .isInstanceOfSatisfying(
            FlashBladeRefusal.class, e -> assertThat(e.isTransient()).isFalse());
  }
}
