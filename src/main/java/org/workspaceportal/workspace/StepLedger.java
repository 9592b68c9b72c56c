package org.workspaceportal.workspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.workspace.WorkspaceEvents.WorkspaceProgressed;

/**
 * The engine's record of what was done: every change to steps, and the status moves that start,
 * finish or fail an operation, each in its own short transaction, so that no transaction is ever
 * open while a handler talks to an external system.
 */
@Component
class StepLedger {

  private final WorkspaceRepository workspaces;
  private final WorkspaceStepRepository steps;
  private final WorkspaceTemplateRepository templates;
  private final WorkspaceTransitions transitions;
  private final ApplicationEventPublisher events;
  private final EngineProperties properties;
  private final TransitionRepository history;
  private final OperationMetrics metrics;
  private final Clock clock;

  StepLedger(
      WorkspaceRepository workspaces,
      WorkspaceStepRepository steps,
      WorkspaceTemplateRepository templates,
      WorkspaceTransitions transitions,
      ApplicationEventPublisher events,
      EngineProperties properties,
      TransitionRepository history,
      OperationMetrics metrics,
      Clock clock) {
    this.workspaces = workspaces;
    this.steps = steps;
    this.templates = templates;
    this.transitions = transitions;
    this.events = events;
    this.properties = properties;
    this.history = history;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** What the job of a workspace should do next. */
  sealed interface NextStep permits NoWork, AllStepsDone, StepAttempt {}

  /** The workspace needs no work in its status (or no longer exists). */
  record NoWork() implements NextStep {}

  /** Every step of the running operation succeeded: the operation can be completed. */
  record AllStepsDone(Operation operation) implements NextStep {}

  /**
   * Starts the next step of the operation the workspace's status calls for: plans the operation on
   * its first call (and moves a queued workspace to its running status), marks the first step not
   * yet succeeded RUNNING and returns it. A step whose attempts ran out across crashes (when no
   * failure could be recorded) fails the operation here.
   */
  @Transactional
  NextStep startNextStep(UUID workspaceId) {
    Workspace ws = workspaces.findById(workspaceId).orElse(null);
    Optional<Operation> running = ws == null ? Optional.empty() : Operation.runningIn(ws.status());
    if (running.isEmpty()) {
      return new NoWork();
    }
    Operation operation = running.get();
    List<WorkspaceStep> plan = planOf(ws, operation);
    if (ws.status() != operation.runningStatus()) {
      transitions.move(ws, operation.runningStatus(), "started", WorkspaceTransitions.PORTAL, null);
    }
    WorkspaceStep step =
        plan.stream().filter(s -> s.status() != StepStatus.SUCCEEDED).findFirst().orElse(null);
    if (step == null) {
      return new AllStepsDone(operation);
    }
    if (step.attempts() >= properties.maxAttempts()) {
      String message =
          "gave up after "
              + step.attempts()
              + " attempts"
              + (step.error() != null ? ": " + step.error() : "");
      failOperation(ws, step, message);
      return new NoWork();
    }
    step.start(now());
    progressed(ws.id());
    return new StepAttempt(
        facts(ws), step.id(), operation, step.kind(), step.attempts(), step.waitingSince());
  }

  /**
   * Moves the workspace to the operation's final status, if it is still running that operation and
   * every step succeeded (a second call, after a crash, finds nothing to do).
   */
  @Transactional
  void completeOperation(UUID workspaceId, Operation operation) {
    Workspace ws = workspaces.findById(workspaceId).orElse(null);
    if (ws == null || ws.status() != operation.runningStatus()) {
      return;
    }
    boolean allDone =
        steps
            .findByWorkspaceIdAndRunAndOperationOrderByOrdinalAsc(ws.id(), ws.run(), operation)
            .stream()
            .allMatch(s -> s.status() == StepStatus.SUCCEEDED);
    if (allDone) {
      Duration took = since(ws, operation);
      transitions.move(ws, operation.doneStatus(), "completed", WorkspaceTransitions.PORTAL, null);
      metrics.completed(operation, took);
      progressed(ws.id());
    }
  }

  @Transactional(readOnly = true)
  boolean needsWork(UUID workspaceId) {
    return workspaces.findById(workspaceId).map(w -> w.status().isBusy()).orElse(false);
  }

  @Transactional
  void succeeded(long stepId) {
    WorkspaceStep step = steps.findById(stepId).orElseThrow();
    step.succeed(now());
    progressed(step.workspaceId());
  }

  /** A transient failure: the step runs again after a backoff, its error shown meanwhile. */
  @Transactional
  void retryLater(long stepId, String message) {
    WorkspaceStep step = steps.findById(stepId).orElseThrow();
    step.retryLater(message, now());
    progressed(step.workspaceId());
  }

  /** What became of a wait. */
  enum WaitVerdict {
    /** Still within its timeout: check again later. */
    CHECK_AGAIN,
    /** Waited longer than its timeout: the step must fail. */
    TIMED_OUT
  }

  /**
   * The step waits for something outside the portal: no attempt is used. Says whether it waited
   * past its timeout since it first waited (then the caller fails it, adding what it knows).
   */
  @Transactional
  WaitVerdict waiting(long stepId, String reason, Duration timeout) {
    WorkspaceStep step = steps.findById(stepId).orElseThrow();
    Instant since = step.waitingSince() != null ? step.waitingSince() : now();
    if (Duration.between(since, now()).compareTo(timeout) > 0) {
      return WaitVerdict.TIMED_OUT; // this attempt counts: it is the one that fails
    }
    step.waitFor(reason, now());
    progressed(step.workspaceId());
    return WaitVerdict.CHECK_AGAIN;
  }

  /**
   * The step failed for good. If the workspace still runs the step's operation, the operation fails
   * (the workspace is FAILED with a reason people can act on) and true is returned; if it moved on
   * meanwhile (deleted while provisioning) only the step is recorded and false is returned: the job
   * should go on with the new operation.
   */
  @Transactional
  boolean failed(long stepId, String message) {
    WorkspaceStep step = steps.findById(stepId).orElseThrow();
    Workspace ws = workspaces.findById(step.workspaceId()).orElseThrow();
    if (ws.status() != step.operation().runningStatus()) {
      step.fail(message, now());
      progressed(ws.id());
      return false;
    }
    failOperation(ws, step, message);
    return true;
  }

  private void failOperation(Workspace ws, WorkspaceStep step, String message) {
    metrics.failed(step.operation(), since(ws, step.operation()));
    step.fail(message, now());
    transitions.move(
        ws,
        step.operation().failedStatus(),
        "failed",
        WorkspaceTransitions.PORTAL,
        step.operation().failureReason(step.kind(), message));
    progressed(ws.id());
  }

  private List<WorkspaceStep> planOf(Workspace ws, Operation operation) {
    List<WorkspaceStep> existing =
        steps.findByWorkspaceIdAndRunAndOperationOrderByOrdinalAsc(ws.id(), ws.run(), operation);
    if (existing.isEmpty()) {
      if (operation == Operation.TEARDOWN && nothingWasAttempted(ws)) {
        return List.of();
      }
      List<WorkspaceStep> created = new ArrayList<>();
      int ordinal = 0;
      for (StepKind kind : StepKind.plan(operation, facts(ws))) {
        created.add(new WorkspaceStep(ws.id(), ws.run(), operation, kind, ordinal++));
      }
      return steps.saveAll(created);
    }
    // A FAILED step belongs to an earlier try (a failure ends the try): this is a retry, so every
    // step not yet done starts afresh.
    if (existing.stream().anyMatch(s -> s.status() == StepStatus.FAILED)) {
      existing.stream()
          .filter(s -> s.status() != StepStatus.SUCCEEDED)
          .forEach(WorkspaceStep::reset);
    }
    return existing;
  }

  /**
   * No step of any run was ever started (a wait or a retry resets attempts, never the start), so
   * there is nothing on any external system to remove. (Every run counts: a workspace stopped and
   * started again has no provisioning steps in its current run, yet everything provisioning made is
   * still there.)
   */
  private boolean nothingWasAttempted(Workspace ws) {
    return !steps.existsByWorkspaceIdAndStartedAtIsNotNull(ws.id());
  }

  /** How long the workspace has been in the operation: since it last entered its statuses. */
  private Duration since(Workspace ws, Operation operation) {
    java.util.Set<WorkspaceStatus> statuses = java.util.EnumSet.noneOf(WorkspaceStatus.class);
    for (WorkspaceStatus s : WorkspaceStatus.values()) {
      if (Operation.runningIn(s).filter(operation::equals).isPresent()) {
        statuses.add(s);
      }
    }
    Instant began = history.lastEntered(ws.id(), statuses);
    return began == null ? Duration.ZERO : Duration.between(began, now());
  }

  private WorkspaceFacts facts(Workspace ws) {
    return ws.facts(
        templates.findById(ws.templateId()).map(WorkspaceTemplate::cluster).orElse(false));
  }

  private void progressed(UUID workspaceId) {
    events.publishEvent(new WorkspaceProgressed(workspaceId));
  }

  private Instant now() {
    return clock.instant();
  }
}
