package org.workspaceportal.storage.flashblade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Which failures a call is sent again for, idempotent or not. */
class ResilientCallsTest {

  private final ResilientCalls calls =
      new ResilientCalls(
          new Retrier(
              3, Duration.ofMillis(1), Duration.ofMillis(1), d -> {}, RandomGenerator.getDefault()),
          FlashBladeJson.mapper());
  private final AtomicInteger attempts = new AtomicInteger();

  @Test
  void aCallThatMustArriveOnceIsResentWhenItProvablyNeverLeft() {
    Answer answer =
        calls.run(
            exchange(true),
            "create an access key",
            () -> {
              if (attempts.incrementAndGet() == 1) {
                throw new ExchangeFailure(
                    "ConnectException: refused", new ConnectException("refused"), false);
              }
              return new Answer(200, "{}".getBytes(StandardCharsets.UTF_8), "r", null);
            });

    assertThat(answer.status()).isEqualTo(200);
    assertThat(attempts).hasValue(2);
  }

  @Test
  void aCallThatMustArriveOnceIsNotResentWhenItMayHaveArrived() {
    assertThatThrownBy(
            () ->
                calls.run(
                    exchange(true),
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
  void aCallThatMustArriveOnceReportsABusyAnswerAtOnce() {
    assertThatThrownBy(
            () ->
                calls.run(
                    exchange(true),
                    "create an access key",
                    () -> {
                      attempts.incrementAndGet();
                      return new Answer(503, new byte[0], "r", null);
                    }))
        .isInstanceOfSatisfying(FlashBladeBusy.class, e -> assertThat(e.status()).isEqualTo(503));
    assertThat(attempts).hasValue(1);
  }

  @Test
  void anIdempotentCallIsResentAfterATimeoutUntilAttemptsRunOut() {
    assertThatThrownBy(
            () ->
                calls.run(
                    exchange(false),
                    "look up bucket 'b'",
                    () -> {
                      attempts.incrementAndGet();
                      throw new ExchangeFailure(
                          "SocketTimeoutException: timeout", new IOException("timeout"), true);
                    }))
        .isInstanceOfSatisfying(
            FlashBladeUnreachable.class,
            e -> assertThat(e.getMessage()).endsWith("(on all 3 attempts)"));
    assertThat(attempts).hasValue(3);
  }

  private static Exchange exchange(boolean once) {
    return new Exchange(
        "POST",
        "/api/2.17/object-store-access-keys",
        Map.of(),
        null,
        "object-store-access-keys",
        once);
  }
}
