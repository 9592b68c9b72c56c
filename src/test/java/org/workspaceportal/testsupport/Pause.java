package org.workspaceportal.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** The pause between two looks of a test that waits for something to happen. */
public final class Pause {

  private Pause() {}

  /**
   * Sleeps {@code ms} milliseconds. An interrupt ends the test (the interrupt flag stays set for
   * whoever runs it) instead of being swallowed, so a test that is being stopped stops.
   */
  public static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Looks every {@code every} until the condition holds or {@code timeout} has passed, then asserts
   * it, described as {@code what}.
   */
  public static void until(
      BooleanSupplier condition, String what, Duration timeout, Duration every) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
      sleep(every.toMillis());
    }
    assertThat(condition.getAsBoolean()).as(what).isTrue();
  }
}
