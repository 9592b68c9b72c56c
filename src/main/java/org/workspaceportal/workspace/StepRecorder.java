package org.workspaceportal.workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.workspace.WorkspaceEvents.WorkspaceProgressed;

/**
 * Every state change of the engine, each in its own short transaction, so that no transaction is
 * ever open while the engine talks to an external system.
 */
@Component
class StepRecorder {

  static final String ACTOR = "portal";

  private final WorkspaceRepository workspaces;
  private final WorkspaceStepRepository steps;
  private final WorkspaceStorageRepository storage;
  private final WorkspaceService service;
  private final ApplicationEventPublisher events;
  private final EngineProperties properties;
  private final Clock clock;

  StepRecorder(
      WorkspaceRepository workspaces,
      WorkspaceStepRepository steps,
      WorkspaceStorageRepository storage,
      WorkspaceService service,
      ApplicationEventPublisher events,
      EngineProperties properties,
      Clock clock) {
    this.workspaces = workspaces;
    this.steps = steps;
    this.storage = storage;
    this.service = service;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  /** What the job should do next for a workspace. */
  sealed interface Next permits Idle, Run {}

  /** Nothing (more) to do; {@code busy} says whether more work was queued meanwhile. */
  record Idle(boolean busy) implements Next {}

  /** Run this step, already marked RUNNING. */
  record Run(
      UUID workspaceId,
      long stepId,
      StepKind kind,
      int attempt,
      Retention retention,
      StorageNames names)
      implements Next {}

  /** The storage names of a workspace, detached from JPA for use outside transactions. */
  record StorageNames(
      String account,
      String user,
      String bucket,
      String datahub,
      String accessKeyId,
      String secret) {}

  @Transactional
  Next next(UUID workspaceId) {
    Workspace ws = workspaces.findById(workspaceId).orElse(null);
    if (ws == null) {
      return new Idle(false);
    }
    Operation operation =
        switch (ws.status()) {
          case APPROVED, PROVISIONING -> Operation.PROVISION;
          case DELETING -> Operation.TEARDOWN;
          default -> null;
        };
    if (operation == null) {
      return new Idle(false);
    }
    WorkspaceStorage names =
        storage
            .findById(workspaceId)
            .orElseGet(
                () ->
                    storage.save(
                        WorkspaceStorage.namesFor(ws.id(), ws.name(), ws.datahub(), now())));
    List<WorkspaceStep> plan = plan(ws, operation);
    if (ws.status() == WorkspaceStatus.APPROVED) {
      service.apply(ws, WorkspaceStatus.PROVISIONING, "provisioned", ACTOR, null);
    }
    WorkspaceStep step =
        plan.stream().filter(s -> s.status() != StepStatus.SUCCEEDED).findFirst().orElse(null);
    if (step == null) {
      finish(ws, operation, names);
      return new Idle(false);
    }
    if (step.attempts() >= properties.maxAttempts()) {
      // attempts ran out across crashes and take-overs, where no failure could be recorded
      String message =
          "gave up after "
              + step.attempts()
              + " attempts"
              + (step.error() != null ? ": " + step.error() : "");
      return failed(step.id(), ws.id(), message) ? next(workspaceId) : new Idle(false);
    }
    step.start(now());
    progressed(ws);
    return new Run(
        ws.id(),
        step.id(),
        step.kind(),
        step.attempts(),
        ws.retention(),
        new StorageNames(
            names.account(),
            names.objectUser(),
            names.bucket(),
            names.datahub(),
            names.accessKeyId(),
            names.secretCiphertext()));
  }

  @Transactional(readOnly = true)
  boolean isBusy(UUID workspaceId) {
    return workspaces.findById(workspaceId).map(w -> w.status().isBusy()).orElse(false);
  }

  @Transactional
  void succeeded(long stepId) {
    WorkspaceStep step = steps.findById(stepId).orElseThrow();
    step.succeed(now());
    progressed(step);
  }

  @Transactional
  void keyCreated(long stepId, UUID workspaceId, String accessKeyId, String secretCiphertext) {
    storage.findById(workspaceId).orElseThrow().keyCreated(accessKeyId, secretCiphertext, now());
    succeeded(stepId);
  }

  @Transactional
  void verified(long stepId, UUID workspaceId, String s3Endpoint, String nfsAddress) {
    storage.findById(workspaceId).orElseThrow().verified(s3Endpoint, nfsAddress, now());
    succeeded(stepId);
  }

  @Transactional
  void retryLater(long stepId, String message) {
    WorkspaceStep step = steps.findById(stepId).orElseThrow();
    step.retryLater(message, now());
    progressed(step);
  }

  /**
   * The step failed for good: the workspace is FAILED with a reason people can act on. Returns true
   * when the workspace still has work to do instead: a provisioning step failed after its deletion
   * was asked for, and the teardown should simply go ahead.
   */
  @Transactional
  boolean failed(long stepId, UUID workspaceId, String message) {
    WorkspaceStep step = steps.findById(stepId).orElseThrow();
    step.fail(message, now());
    Workspace ws = workspaces.findById(workspaceId).orElseThrow();
    progressed(ws);
    if (step.kind().operation() == Operation.PROVISION && ws.status() == WorkspaceStatus.DELETING) {
      return true;
    }
    String what = step.kind().operation() == Operation.PROVISION ? "Provisioning" : "Deletion";
    String hint =
        step.kind().operation() == Operation.PROVISION
            ? " An admin can retry it; deleting it cleans up what was made."
            : " Delete it again to retry the cleanup.";
    service.apply(
        ws,
        WorkspaceStatus.FAILED,
        "failed",
        ACTOR,
        what + " failed at '" + step.kind().label() + "': " + message + hint);
    return false;
  }

  private List<WorkspaceStep> plan(Workspace ws, Operation operation) {
    List<WorkspaceStep> existing =
        steps.findByWorkspaceIdAndOperationOrderByOrdinalAsc(ws.id(), operation);
    if (existing.isEmpty()) {
      if (operation == Operation.TEARDOWN && nothingWasAttempted(ws)) {
        return List.of();
      }
      List<WorkspaceStep> created = new ArrayList<>();
      int ordinal = 0;
      for (StepKind kind : StepKind.plan(operation, ws.datahub())) {
        created.add(new WorkspaceStep(ws.id(), kind, ordinal++));
      }
      return steps.saveAll(created);
    }
    // A FAILED step belongs to an earlier run (a failure ends the run): this is a retry, start
    // afresh.
    if (existing.stream().anyMatch(s -> s.status() == StepStatus.FAILED)) {
      existing.stream()
          .filter(s -> s.status() != StepStatus.SUCCEEDED)
          .forEach(WorkspaceStep::reset);
    }
    return existing;
  }

  /**
   * No provisioning step was ever attempted, so there is nothing on any external system to remove.
   */
  private boolean nothingWasAttempted(Workspace ws) {
    return steps
        .findByWorkspaceIdAndOperationOrderByOrdinalAsc(ws.id(), Operation.PROVISION)
        .stream()
        .allMatch(s -> s.attempts() == 0);
  }

  private void finish(Workspace ws, Operation operation, WorkspaceStorage names) {
    if (operation == Operation.PROVISION) {
      service.apply(ws, WorkspaceStatus.READY, "made ready", ACTOR, null);
    } else {
      names.forgetKey(now());
      service.apply(ws, WorkspaceStatus.DELETED, "deleted", ACTOR, null);
    }
    progressed(ws);
  }

  private void progressed(Workspace ws) {
    events.publishEvent(new WorkspaceProgressed(ws.id()));
  }

  private void progressed(WorkspaceStep step) {
    events.publishEvent(new WorkspaceProgressed(step.workspaceId()));
  }

  private Instant now() {
    return clock.instant();
  }
}
