package org.workspaceportal.workspace.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.engine.StepLedger.WaitVerdict;

/**
 * A step that polls often (a notebook's readiness, every few dozen milliseconds at first) records
 * its wait when the reason changes and otherwise once a second, not at every poll; its timeout is
 * still seen. The engine's job against a scripted ledger (the real one: {@code EngineWaitTest}).
 */
class WaitRecordsTest {

  private static final long STEP = 7L;
  private static final Duration TIMEOUT = Duration.ofMinutes(1);

  private final StepLedger ledger = mock(StepLedger.class);
  private final UUID id = UUID.randomUUID();
  private final AtomicInteger polls = new AtomicInteger();

  @Test
  void aPollThatKeepsItsReasonIsRecordedOnceAndAgainWhenTheReasonChanges() {
    when(ledger.waiting(anyLong(), anyString(), any())).thenReturn(WaitVerdict.CHECK_AGAIN);

    // 20 polls 5 ms apart: ten say "a", ten say "b", then the step is done
    run(n -> n > 20 ? StepOutcome.done() : poll(n <= 10 ? "a" : "b"));

    assertThat(polls.get()).isEqualTo(21);
    verify(ledger, times(1)).waiting(STEP, "a", TIMEOUT);
    verify(ledger, times(1)).waiting(STEP, "b", TIMEOUT);
    verify(ledger).succeeded(STEP);
  }

  @Test
  void aLongPollIsRecordedAgainAfterASecondAndFailsWhenTheLedgerSaysItTimedOut() {
    when(ledger.waiting(anyLong(), anyString(), any()))
        .thenReturn(WaitVerdict.CHECK_AGAIN, WaitVerdict.TIMED_OUT);

    long started = System.nanoTime();
    run(n -> poll("waiting for the notebook to answer"));

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(WorkspaceJob.WAIT_RECORD_EVERY);
    assertThat(polls.get()).as("polls in that second").isGreaterThan(20);
    verify(ledger, times(2)).waiting(eq(STEP), anyString(), any());
    verify(ledger).failed(eq(STEP), contains("Still waiting for the notebook to answer after"));
    verify(ledger, never()).succeeded(anyLong());
  }

  private StepOutcome poll(String reason) {
    return StepOutcome.poll(Duration.ofMillis(5), reason, TIMEOUT, this::next);
  }

  private IntFunction<StepOutcome> script;

  private StepOutcome next() {
    return script.apply(polls.incrementAndGet());
  }

  private void run(IntFunction<StepOutcome> script) {
    this.script = script;
    StepAttempt step =
        new StepAttempt(
            WorkspaceFixtures.clusterFacts(id),
            STEP,
            Operation.PROVISION,
            StepKind.NOTEBOOK_READY,
            1,
            null);
    when(ledger.startNextStep(id)).thenReturn(step, new StepLedger.NoWork());
    StepHandler handler =
        new StepHandler() {
          @Override
          public Set<StepKind> kinds() {
            return EnumSet.allOf(StepKind.class);
          }

          @Override
          public StepOutcome run(StepAttempt attempt) {
            return next();
          }
        };
    new WorkspaceJob(
            ledger,
            new StepHandlers(List.of(handler)),
            new StepMetrics(new SimpleMeterRegistry()),
            new EngineProperties(
                5,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                Duration.ofSeconds(30),
                Duration.ofSeconds(3)))
        .run(id, null);
  }
}
