package org.workspaceportal.workspace.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.engine.StepAttempt;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.engine.StepOutcome;
import org.workspaceportal.workspace.runtime.ClusterRuntime;
import org.workspaceportal.workspace.runtime.ClusterSpec;

/**
 * A readiness wait polls quickly at first, when a notebook (a quarter of a second after its start)
 * or a worker is most likely to come up, and at the slower interval after that.
 */
class ReadinessPollTest {

  private static final Duration QUICK = Duration.ofMillis(10);
  private static final Duration SLOW = Duration.ofMillis(100);

  private final ClusterSpecs specs = mock(ClusterSpecs.class);
  private final ClusterRuntime runtime = mock(ClusterRuntime.class);
  private final ClusterSpec spec = mock(ClusterSpec.class);
  private final ClusterRuntime.Readiness readiness = mock(ClusterRuntime.Readiness.class);
  private final ReadinessStepHandler handler =
      new ReadinessStepHandler(
          specs,
          mock(ClusterState.class),
          runtime,
          new ClusterProperties(
              1024,
              2048,
              1,
              Duration.ofMinutes(10),
              Duration.ofMinutes(30),
              Duration.ofSeconds(120),
              Duration.ofSeconds(180),
              SLOW,
              QUICK,
              Duration.ofSeconds(1),
              Duration.ofSeconds(60)));

  @Test
  void theNotebooksWaitPollsQuicklyForItsFirstMomentsThenAtThePollInterval()
      throws InterruptedException {
    when(specs.of(any())).thenReturn(spec);
    when(spec.id()).thenReturn(UUID.randomUUID());
    when(runtime.readiness(spec)).thenReturn(readiness);
    when(readiness.notebookAnswers()).thenReturn(false);
    when(runtime.exited(any())).thenReturn(List.of());

    StepOutcome.CheckAgain first = (StepOutcome.CheckAgain) handler.run(attempt());
    assertThat(first.after()).isEqualTo(QUICK);
    StepOutcome.CheckAgain soon = (StepOutcome.CheckAgain) first.next().get();
    assertThat(soon.after()).isEqualTo(QUICK);

    Thread.sleep(1200); // past the quick period
    StepOutcome.CheckAgain later = (StepOutcome.CheckAgain) soon.next().get();
    assertThat(later.after()).isEqualTo(SLOW);
    assertThat(later.reason()).isEqualTo("waiting for the notebook to answer");

    when(readiness.notebookAnswers()).thenReturn(true);
    assertThat(later.next().get()).isEqualTo(StepOutcome.done());
    verify(runtime, times(1)).readiness(spec); // where to ask, looked up once for the whole wait
  }

  private static StepAttempt attempt() {
    return new StepAttempt(
        WorkspaceFixtures.clusterFacts(UUID.randomUUID()),
        1L,
        Operation.PROVISION,
        StepKind.NOTEBOOK_READY,
        1,
        null);
  }
}
