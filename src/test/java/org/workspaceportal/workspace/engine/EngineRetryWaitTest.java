package org.workspaceportal.workspace.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The wait between two attempts of a step: the engine is the one retry layer. */
class EngineRetryWaitTest {

  private final EngineProperties engine =
      new EngineProperties(
          5,
          Duration.ofMillis(100),
          Duration.ofSeconds(1),
          Duration.ofSeconds(30),
          Duration.ofSeconds(3));
  private final RandomGenerator random = RandomGenerator.getDefault();

  @Test
  void theBackoffDoublesWithJitterInItsUpperHalfAndIsCapped() {
    for (int i = 0; i < 200; i++) {
      assertThat(engine.retryWait(1, null, random))
          .isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
      assertThat(engine.retryWait(2, null, random))
          .isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
      assertThat(engine.retryWait(3, null, random))
          .isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
      assertThat(engine.retryWait(9, null, random))
          .isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    }
  }

  @Test
  void theJitterSpreadsWaitsSoThatManyWorkspacesDoNotComeBackInStep() {
    long distinct =
        IntStream.range(0, 50).mapToObj(i -> engine.retryWait(4, null, random)).distinct().count();
    assertThat(distinct).isGreaterThan(10);
  }

  @Test
  void aSystemThatAsksForLongerIsLeftAloneThatLongUpToTheMaximumBackoff() {
    assertThat(engine.retryWait(1, Duration.ofMillis(700), random))
        .isEqualTo(Duration.ofMillis(700));
    assertThat(engine.retryWait(1, Duration.ofHours(1), random)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aRetryAfterShorterThanTheBackoffChangesNothing() {
    assertThat(engine.retryWait(3, Duration.ofMillis(1), random))
        .isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
  }
}
