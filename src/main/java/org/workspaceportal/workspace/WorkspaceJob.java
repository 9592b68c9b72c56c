package org.workspaceportal.workspace;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.workspaceportal.storage.StorageException;
import org.workspaceportal.workspace.StepRecorder.Idle;
import org.workspaceportal.workspace.StepRecorder.Next;
import org.workspaceportal.workspace.StepRecorder.Run;

/**
 * The one job of a workspace: runs its pending steps one after the other until the operation is
 * done, a step must wait before its next attempt (the job reschedules itself), or a step fails for
 * good. One job instance per workspace id, claimed from PostgreSQL by db-scheduler, so two portal
 * instances never run steps of the same workspace at once; a job whose instance died is taken over
 * (dead-execution detection) and resumes at the first step not recorded as succeeded.
 */
@Component
class WorkspaceJob {

  static final TaskDescriptor<String> TASK = TaskDescriptor.of("workspace-job", String.class);
  private static final Logger log = LoggerFactory.getLogger(WorkspaceJob.class);

  private final StepRecorder recorder;
  private final StorageSteps storageSteps;
  private final StepMetrics metrics;
  private final EngineProperties properties;

  WorkspaceJob(
      StepRecorder recorder,
      StorageSteps storageSteps,
      StepMetrics metrics,
      EngineProperties properties) {
    this.recorder = recorder;
    this.storageSteps = storageSteps;
    this.metrics = metrics;
    this.properties = properties;
  }

  CustomTask<String> task() {
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
      Next next = recorder.next(workspaceId);
      if (next instanceof Idle idle) {
        return idle.busy()
            ? rescheduleAt(Instant.now())
            : removeUnlessBusyAgain(workspaceId, context);
      }
      Run step = (Run) next;
      long started = System.nanoTime();
      try {
        storageSteps.run(step);
        metrics.succeeded(step.kind(), Duration.ofNanos(System.nanoTime() - started));
      } catch (RuntimeException e) {
        metrics.failed(step.kind(), Duration.ofNanos(System.nanoTime() - started));
        Failure failure = Failure.of(e);
        if (failure.retryable() && step.attempt() < properties.maxAttempts()) {
          Duration wait = properties.backoff(step.attempt());
          log.info(
              "Workspace {} step {} attempt {} failed, retrying in {}: {}",
              workspaceId,
              step.kind(),
              step.attempt(),
              wait,
              failure.message());
          recorder.retryLater(
              step.stepId(), failure.message() + " (attempt " + step.attempt() + ", retrying)");
          return rescheduleAt(Instant.now().plus(wait));
        }
        log.warn(
            "Workspace {} step {} failed for good after {} attempt(s): {}",
            workspaceId,
            step.kind(),
            step.attempt(),
            failure.message());
        if (!recorder.failed(step.stepId(), workspaceId, failure.message())) {
          return removeUnlessBusyAgain(workspaceId, context);
        }
      }
    }
  }

  /**
   * Removes this job, then queues it again if the workspace got busy meanwhile (deleted just as it
   * became READY): that trigger found this job still queued and did nothing.
   */
  private CompletionHandler<String> removeUnlessBusyAgain(
      UUID workspaceId, ExecutionContext context) {
    return (complete, ops) -> {
      ops.remove();
      if (recorder.isBusy(workspaceId)) {
        context.getSchedulerClient().scheduleIfNotExists(instance(workspaceId));
      }
    };
  }

  /** How a step failure is told to people, and whether another attempt may help. */
  private record Failure(String message, boolean retryable) {
    static Failure of(RuntimeException e) {
      if (e instanceof StorageException storage) {
        return new Failure(storage.getMessage(), storage.isTransient());
      }
      // A bug or an environment problem (e.g. a changed PORTAL_SECRET_KEY): log it whole, tell
      // people only its kind; trying again a few times is harmless, the attempts are bounded.
      log.error("Unexpected error in a workspace step", e);
      return new Failure(
          "Unexpected error (" + e.getClass().getSimpleName() + "); see the portal log.", true);
    }
  }

  static SchedulableInstance<String> instance(UUID workspaceId) {
    String id = workspaceId.toString();
    return TASK.instance(id).data(id).scheduledTo(Instant.now());
  }

  private static CompletionHandler<String> rescheduleAt(Instant when) {
    return (complete, ops) -> ops.reschedule(complete, when);
  }
}
