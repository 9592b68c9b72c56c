package org.workspaceportal.workspace;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
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
        // Unexpected errors (database down, bugs): try again later, with backoff, without limit;
        // step attempts are counted in our own table and bound the work anyway.
        .onFailure(
            new FailureHandler.ExponentialBackoffFailureHandler<>(properties.initialBackoff(), 2.0))
        .onDeadExecutionRevive()
        .execute((instance, context) -> run(UUID.fromString(instance.getId())));
  }

  CompletionHandler<String> run(UUID workspaceId) {
    while (true) {
      Next next = recorder.next(workspaceId);
      if (next instanceof Idle idle) {
        return idle.busy() ? rescheduleAt(Instant.now()) : (complete, ops) -> ops.remove();
      }
      Run step = (Run) next;
      long started = System.nanoTime();
      try {
        storageSteps.run(step);
        metrics.succeeded(step.kind(), Duration.ofNanos(System.nanoTime() - started));
      } catch (StorageException e) {
        metrics.failed(step.kind(), Duration.ofNanos(System.nanoTime() - started));
        if (e.isTransient() && step.attempt() < properties.maxAttempts()) {
          Duration wait = properties.backoff(step.attempt());
          log.info(
              "Workspace {} step {} attempt {} failed, retrying in {}: {}",
              workspaceId,
              step.kind(),
              step.attempt(),
              wait,
              e.getMessage());
          recorder.retryLater(
              step.stepId(), e.getMessage() + " (attempt " + step.attempt() + ", retrying)");
          return rescheduleAt(Instant.now().plus(wait));
        }
        log.warn(
            "Workspace {} step {} failed for good after {} attempt(s): {}",
            workspaceId,
            step.kind(),
            step.attempt(),
            e.getMessage());
        if (!recorder.failed(step.stepId(), workspaceId, e.getMessage())) {
          return (complete, ops) -> ops.remove();
        }
      }
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
