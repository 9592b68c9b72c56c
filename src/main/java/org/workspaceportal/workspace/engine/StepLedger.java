package org.workspaceportal.workspace.engine;

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
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.WorkspaceEvents.WorkspaceProgressed;
import org.workspaceportal.workspace.WorkspaceFacts;

/**
 * The engine's record of what was done: every change to steps, and the moves of its subject (a
 * workspace or a warm-pool cluster) that start, finish or fail an operation, each in its own short
 * transaction, so that no transaction is ever open while a handler talks to an external system.
 */
@Component
class StepLedger {

  private final List<StepSubject.Finder> subjects;
  private final WorkspaceStepRepository steps;
  private final ApplicationEventPublisher events;
  private final EngineProperties properties;
  private final Clock clock;

  StepLedger(
      List<StepSubject.Finder> subjects,
      WorkspaceStepRepository steps,
      ApplicationEventPublisher events,
      EngineProperties properties,
      Clock clock) {
    this.subjects = subjects;
    this.steps = steps;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  /** What the job of a subject should do next. */
  sealed interface NextStep permits NoWork, AllStepsDone, StepAttempt {}

  /** The subject needs no work in its state (or no longer exists). */
  record NoWork() implements NextStep {}

  /** Every step of the running operation succeeded: the operation can be completed. */
  record AllStepsDone(Operation operation) implements NextStep {}

  /**
   * Starts the next step of the operation the subject's state calls for: plans the operation on its
   * first call (and moves a queued subject to its running state), marks the first step not yet
   * succeeded RUNNING and returns it. A step whose attempts ran out across crashes (when no failure
   * could be recorded) fails the operation here.
   */
  @Transactional
  NextStep startNextStep(UUID subjectId) {
    StepSubject subject = find(subjectId).orElse(null);
    Optional<Operation> running = subject == null ? Optional.empty() : subject.operation();
    if (running.isEmpty()) {
      return new NoWork();
    }
    Operation operation = running.get();
    WorkspaceFacts facts = subject.facts();
    List<WorkspaceStep> plan = planOf(subjectId, subject.run(), operation, facts);
    if (!subject.running(operation)) {
      subject.started(operation);
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
      failOperation(subject, step, message);
      return new NoWork();
    }
    step.start(now());
    progressed(subjectId);
    return new StepAttempt(
        facts, step.id(), operation, step.kind(), step.attempts(), step.waitingSince());
  }

  /**
   * Completes the operation (the subject moves to its final state), if the subject still runs it
   * and every step succeeded (a second call, after a crash, finds nothing to do).
   */
  @Transactional
  void completeOperation(UUID subjectId, Operation operation) {
    StepSubject subject = find(subjectId).orElse(null);
    if (subject == null
        || !subject.operation().equals(Optional.of(operation))
        || !subject.running(operation)) {
      return;
    }
    boolean allDone =
        steps
            .findByWorkspaceIdAndRunAndOperationOrderByOrdinalAsc(
                subjectId, subject.run(), operation)
            .stream()
            .allMatch(s -> s.status() == StepStatus.SUCCEEDED);
    if (allDone) {
      subject.completed(operation);
      progressed(subjectId);
    }
  }

  @Transactional(readOnly = true)
  boolean needsWork(UUID subjectId) {
    return find(subjectId).flatMap(StepSubject::operation).isPresent();
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
    TIMED_OUT,
    /** Its subject no longer runs the step's operation (deleted while starting): stop waiting. */
    MOVED_ON
  }

  /**
   * The step waits for something outside the portal: no attempt is used. Says whether it waited
   * past its timeout since it first waited (then the caller fails it, adding what it knows), or
   * whether its subject moved on to another operation meanwhile.
   */
  @Transactional
  WaitVerdict waiting(long stepId, String reason, Duration timeout) {
    WorkspaceStep step = steps.findById(stepId).orElseThrow();
    boolean stillRuns =
        find(step.workspaceId())
            .map(s -> s.operation().equals(Optional.of(step.operation())))
            .orElse(false);
    if (!stillRuns) {
      return WaitVerdict.MOVED_ON;
    }
    Instant since = step.waitingSince() != null ? step.waitingSince() : now();
    if (Duration.between(since, now()).compareTo(timeout) > 0) {
      return WaitVerdict.TIMED_OUT; // this attempt counts: it is the one that fails
    }
    step.waitFor(reason, now());
    progressed(step.workspaceId());
    return WaitVerdict.CHECK_AGAIN;
  }

  /**
   * The step failed for good. If its subject still runs the step's operation, the operation fails
   * (a workspace is FAILED with a reason people can act on) and true is returned; if it moved on
   * meanwhile (deleted while provisioning) only the step is recorded and false is returned: the job
   * should go on with the new operation.
   */
  @Transactional
  boolean failed(long stepId, String message) {
    WorkspaceStep step = steps.findById(stepId).orElseThrow();
    StepSubject subject = find(step.workspaceId()).orElse(null);
    if (subject == null
        || !subject.operation().equals(Optional.of(step.operation()))
        || !subject.running(step.operation())) {
      step.fail(message, now());
      progressed(step.workspaceId());
      return false;
    }
    failOperation(subject, step, message);
    return true;
  }

  private void failOperation(StepSubject subject, WorkspaceStep step, String message) {
    step.fail(message, now());
    subject.failed(step.operation(), step.kind(), message);
    progressed(step.workspaceId());
  }

  private List<WorkspaceStep> planOf(
      UUID subjectId, int run, Operation operation, WorkspaceFacts facts) {
    List<WorkspaceStep> existing =
        steps.findByWorkspaceIdAndRunAndOperationOrderByOrdinalAsc(subjectId, run, operation);
    if (existing.isEmpty()) {
      if (operation == Operation.TEARDOWN && nothingWasAttempted(subjectId)) {
        return List.of();
      }
      List<WorkspaceStep> created = new ArrayList<>();
      int ordinal = 0;
      for (StepKind kind : StepKind.plan(operation, facts)) {
        created.add(new WorkspaceStep(subjectId, run, operation, kind, ordinal++));
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
  private boolean nothingWasAttempted(UUID subjectId) {
    return !steps.existsByWorkspaceIdAndStartedAtIsNotNull(subjectId);
  }

  private Optional<StepSubject> find(UUID id) {
    for (StepSubject.Finder finder : subjects) {
      Optional<StepSubject> found = finder.find(id);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private void progressed(UUID subjectId) {
    events.publishEvent(new WorkspaceProgressed(subjectId));
  }

  private Instant now() {
    return clock.instant();
  }
}
