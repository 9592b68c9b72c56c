package org.workspaceportal.workspace.engine;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workspaceportal.common.ExternalSystemException;
import org.workspaceportal.workspace.engine.StepLedger.AllStepsDone;
import org.workspaceportal.workspace.engine.StepLedger.NoWork;
import org.workspaceportal.workspace.engine.StepLedger.WaitVerdict;
import org.workspaceportal.workspace.engine.StepOutcome.CheckAgain;
import org.workspaceportal.workspace.engine.StepOutcome.Done;

/**
 * The one job of a workspace (or of a warm-pool cluster): runs the steps of the operation its state
 * calls for, one after the other, until the operation is complete, a step must wait or back off
 * before its next attempt (the job reschedules itself), or a step fails for good. One job instance
 * per workspace id, claimed from PostgreSQL by db-scheduler, so two portal instances never run
 * steps of the same workspace at once; a job whose instance died is taken over (dead-execution
 * detection) and resumes at the first step not recorded as succeeded.
 */
@Configuration(proxyBeanMethods = false)
public class WorkspaceJob {

  static final TaskDescriptor<String> TASK = TaskDescriptor.of("workspace-job", String.class);
  private static final Logger log = LoggerFactory.getLogger(WorkspaceJob.class);

  /** How often a wait that keeps its reason is recorded (and its timeout checked). */
  static final Duration WAIT_RECORD_EVERY = Duration.ofSeconds(1);

  private final StepLedger ledger;
  private final StepHandlers handlers;
  private final StepMetrics metrics;
  private final EngineProperties properties;

  WorkspaceJob(
      StepLedger ledger, StepHandlers handlers, StepMetrics metrics, EngineProperties properties) {
    this.ledger = ledger;
    this.handlers = handlers;
    this.metrics = metrics;
    this.properties = properties;
  }

  /**
   * The job's task, which the portal's {@link org.workspaceportal.scheduling.JobScheduler} runs.
   */
  @Bean
  CustomTask<String> workspaceJobTask() {
    return Tasks.custom(TASK)
        // What escapes run() is infrastructure (the database is down): try again later, with a
        // capped backoff; step attempts are counted in our own table and bound the work anyway.
        .onFailure(
            (complete, ops) ->
                ops.reschedule(
                    complete,
                    Instant.now()
                        .plus(properties.backoff(complete.getExecution().consecutiveFailures + 1))))
        .onDeadExecutionRevive()
        .execute((instance, context) -> run(UUID.fromString(instance.getId()), context));
  }

  CompletionHandler<String> run(UUID workspaceId, ExecutionContext context) {
    while (true) {
      switch (ledger.startNextStep(workspaceId)) {
        case NoWork noWork -> {
          return removeUnlessWorkArrived(workspaceId, context);
        }
        case AllStepsDone done -> ledger.completeOperation(workspaceId, done.operation());
        case StepAttempt step -> {
          Instant later = attempt(step);
          if (later != null) {
            return rescheduleAt(later);
          }
        }
      }
    }
  }

  /**
   * Runs one attempt and records its outcome. Returns when the job should run again, or null to go
   * on at once with whatever is next (the next step, the same step after a short wait, or nothing).
   */
  private Instant attempt(StepAttempt step) {
    StepHandler handler = handlers.forKind(step.kind());
    Supplier<StepOutcome> run = () -> handler.run(step);
    String recordedReason = null;
    long recordedAt = 0;
    while (true) {
      long started = System.nanoTime();
      StepOutcome outcome;
      try {
        outcome = run.get();
      } catch (RuntimeException e) {
        metrics.failed(
            step.operation(), step.kind(), Duration.ofNanos(System.nanoTime() - started));
        return failedAttempt(step, Failure.of(e));
      }
      switch (outcome) {
        case Done done -> {
          metrics.succeeded(
              step.operation(), step.kind(), Duration.ofNanos(System.nanoTime() - started));
          ledger.succeeded(step.stepId());
          return null;
        }
        case CheckAgain wait -> {
          // recorded when its reason changes, else once in a while: a poll every few dozen
          // milliseconds would otherwise cost a transaction each; the timeout and an operation
          // that moved on (a deletion) are seen at the next record, at most a second late
          if (!wait.reason().equals(recordedReason)
              || System.nanoTime() - recordedAt >= WAIT_RECORD_EVERY.toNanos()) {
            WaitVerdict verdict = ledger.waiting(step.stepId(), wait.reason(), wait.timeout());
            if (verdict == WaitVerdict.TIMED_OUT) {
              timedOut(step, handler, wait);
              return null;
            }
            if (verdict == WaitVerdict.MOVED_ON) {
              return null; // the next step is the new operation's
            }
            recordedReason = wait.reason();
            recordedAt = System.nanoTime();
          }
          if (wait.after().compareTo(properties.inlineWaitLimit()) > 0) {
            return Instant.now().plus(wait.after());
          }
          // a short wait is slept here, keeping the claim, so that polling a container that
          // answers in a second costs no trip through the scheduler's queue; a poll goes on with
          // what the step's first run worked out
          if (!sleep(wait.after())) {
            return Instant.now(); // shutting down: the job runs again, here or elsewhere
          }
          if (wait.next() == null) {
            return null;
          }
          run = wait.next();
        }
      }
    }
  }

  private void timedOut(StepAttempt step, StepHandler handler, CheckAgain wait) {
    String detail = handler.detailOnTimeout(step);
    String message =
        "Still "
            + wait.reason()
            + " after "
            + seconds(wait.timeout())
            + "; gave up."
            + (detail.isBlank() ? "" : " " + detail);
    log.warn("Workspace {} step {} timed out: {}", step.workspace().id(), step.kind(), message);
    ledger.failed(step.stepId(), message);
  }

  private static boolean sleep(Duration d) {
    try {
      Thread.sleep(d);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Instant failedAttempt(StepAttempt step, Failure failure) {
    if (failure.retryable() && step.attempt() < properties.maxAttempts()) {
      Duration wait =
          properties.retryWait(step.attempt(), failure.retryAfter(), RandomGenerator.getDefault());
      log.info(
          "Workspace {} step {} attempt {} failed, retrying in {}: {}",
          step.workspace().id(),
          step.kind(),
          step.attempt(),
          wait,
          failure.message());
      ledger.retryLater(
          step.stepId(), failure.message() + " (attempt " + step.attempt() + ", retrying)");
      return Instant.now().plus(wait);
    }
    log.warn(
        "Workspace {} step {} failed for good after {} attempt(s): {}",
        step.workspace().id(),
        step.kind(),
        step.attempt(),
        failure.message());
    ledger.failed(step.stepId(), failure.message());
    return null;
  }

  private static String seconds(Duration d) {
    return d.toSeconds() + " s";
  }

  /**
   * Removes this job, then queues it again if the workspace needs work meanwhile (deleted just as
   * it became READY): that trigger found this job still queued and did nothing.
   */
  private CompletionHandler<String> removeUnlessWorkArrived(
      UUID workspaceId, ExecutionContext context) {
    return (complete, ops) -> {
      ops.remove();
      if (ledger.needsWork(workspaceId)) {
        context.getSchedulerClient().scheduleIfNotExists(instance(workspaceId));
      }
    };
  }

  /**
   * What a failed attempt tells the retry decision: the message, whether another attempt may help,
   * and how long the failing system asked to be left alone, if it said.
   */
  private record Failure(String message, boolean retryable, Duration retryAfter) {
    static Failure of(RuntimeException e) {
      if (e instanceof ExternalSystemException external) {
        return new Failure(
            external.getMessage(), external.isTransient(), external.retryAfter().orElse(null));
      }
      // A bug or an environment problem (e.g. a changed PORTAL_SECRET_KEY): log it whole, tell
      // people only its kind; trying again a few times is harmless, the attempts are bounded.
      log.error("Unexpected error in a workspace step", e);
      return new Failure(
          "Unexpected error (" + e.getClass().getSimpleName() + "); see the portal log.",
          true,
          null);
    }
  }

  public static SchedulableInstance<String> instance(UUID workspaceId) {
    String id = workspaceId.toString();
    return TASK.instance(id).data(id).scheduledTo(Instant.now());
  }

  private static CompletionHandler<String> rescheduleAt(Instant when) {
    return (complete, ops) -> ops.reschedule(complete, when);
  }
}
