package org.workspaceportal.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.engine.StepStatus;
import org.workspaceportal.workspace.runtime.Preparation;

/** How a step says where it stands, and how an image's labels say what it offers. */
class StepViewTest {

  private static final Instant NOW = Instant.parse("2026-12-04T19:19:00Z");

  @Test
  void aWaitingStepSaysWhatItWaitsForOnceWithoutRepeatingItsName() {
    StepView joining =
        WorkspaceFixtures.step(
            StepKind.WORKERS_READY,
            StepStatus.WAITING,
            "waiting for the workers to join (1 of 2)",
            NOW);

    assertThat(joining.nowInWords()).isEqualTo("Waiting for the workers to join (1 of 2)");
    assertThat(
            WorkspaceFixtures.step(StepKind.NOTEBOOK, StepStatus.RUNNING, null, NOW).nowInWords())
        .isEqualTo("Start Jupyter");
  }

  @Test
  void aPlacementWaitingForRoomSaysWhatIsShortAndOtherStepsSayNothingOfRoom() {
    StepView placing =
        WorkspaceFixtures.step(
            StepKind.PLACE,
            StepStatus.WAITING,
            StepView.WAITING_FOR_ROOM
                + " (Not enough free room on the hosts now: needs 1 core and 1.0 GB on one host"
                + " (worker-1); free: local 0 cores and 3.0 GB.)",
            NOW);

    assertThat(placing.nowInWords()).isEqualTo("Waiting for room on the hosts");
    assertThat(placing.waitingInWords()).startsWith("Waiting for room on the hosts (Not enough");
    assertThat(placing.roomShortage())
        .isEqualTo(
            "needs 1 core and 1.0 GB on one host (worker-1); free: local 0 cores and 3.0 GB.");
    assertThat(
            WorkspaceFixtures.step(StepKind.IMAGE, StepStatus.WAITING, "getting the image x", NOW)
                .roomShortage())
        .isNull();
  }

  @Test
  void anImageOffersPySparkOnlyWhenItsLabelSaysTrue() {
    assertThat(Preparation.ready(java.util.Map.of(Preparation.PYSPARK, "true")).offersPySpark())
        .isTrue();
    assertThat(Preparation.ready(java.util.Map.of(Preparation.PYSPARK, "false")).offersPySpark())
        .isFalse();
    assertThat(Preparation.ready(java.util.Map.of()).offersPySpark()).isFalse();
    assertThat(Preparation.ready(null).offersPySpark()).isFalse();
  }
}
