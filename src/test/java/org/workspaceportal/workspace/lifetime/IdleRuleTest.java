package org.workspaceportal.workspace.lifetime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.workspaceportal.workspace.runtime.Activity;

class IdleRuleTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);
  private static final Duration TWO_HOURS = Duration.ofHours(2);

  private static Activity lastActive(Duration ago, int kernels, int connections, int applications) {
    return new Activity(CLOCK.instant().minus(ago), kernels, connections, applications);
  }

  @Test
  void aNotebookUntouchedForTheIdleTimeWithNoSparkApplicationIsIdle() {
    assertThat(
            IdleRule.idleLongEnough(
                lastActive(Duration.ofMinutes(125), 0, 0, 0), TWO_HOURS, CLOCK.instant()))
        .contains(Duration.ofMinutes(125));
    assertThat(IdleRule.idleLongEnough(lastActive(TWO_HOURS, 0, 0, 0), TWO_HOURS, CLOCK.instant()))
        .as("exactly the idle time")
        .isPresent();
  }

  @Test
  void recentActivityKeepsItRunning() {
    assertThat(
            IdleRule.idleLongEnough(
                lastActive(Duration.ofMinutes(119), 0, 0, 0), TWO_HOURS, CLOCK.instant()))
        .isEmpty();
  }

  @Test
  void aRunningSparkApplicationKeepsItRunningHoweverLongTheNotebookIsQuiet() {
    assertThat(
            IdleRule.idleLongEnough(
                lastActive(Duration.ofDays(2), 1, 0, 1), TWO_HOURS, CLOCK.instant()))
        .isEmpty();
  }

  @Test
  void aConnectedBrowserKeepsItRunningButAnIdleKernelDoesNot() {
    assertThat(
            IdleRule.idleLongEnough(
                lastActive(Duration.ofHours(3), 1, 1, 0), TWO_HOURS, CLOCK.instant()))
        .isEmpty();
    assertThat(
            IdleRule.idleLongEnough(
                lastActive(Duration.ofHours(3), 2, 0, 0), TWO_HOURS, CLOCK.instant()))
        .isPresent();
  }

  @Test
  void whatDoesNotAnswerIsNeverTakenForIdle() {
    assertThat(IdleRule.idleLongEnough(null, TWO_HOURS, CLOCK.instant())).isEmpty();
    assertThat(
            IdleRule.idleLongEnough(
                lastActive(Duration.ofHours(3), 0, 0, -1), TWO_HOURS, CLOCK.instant()))
        .as("the master did not answer")
        .isEmpty();
  }

  @Test
  void theNoteSaysHowLongInWords() {
    assertThat(IdleRule.words(Duration.ofHours(2))).isEqualTo("2 h");
    assertThat(IdleRule.words(Duration.ofMinutes(90))).isEqualTo("1 h 30 min");
    assertThat(IdleRule.words(Duration.ofMinutes(45))).isEqualTo("45 min");
    assertThat(IdleRule.words(Duration.ofSeconds(20))).isEqualTo("20 s");
  }
}
