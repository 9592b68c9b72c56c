package org.workspaceportal.workspace.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.TransitionRepository;
import org.workspaceportal.workspace.Workspace;
import org.workspaceportal.workspace.WorkspaceFacts;
import org.workspaceportal.workspace.WorkspaceRepository;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceTransitions;
import org.workspaceportal.workspace.template.WorkspaceTemplateRepository;

/**
 * Workspaces as the engine's subjects: an operation starts, completes or fails by a move of the
 * workspace's status (with its history, the audit trail and the operation's duration metric).
 */
@Component
class WorkspaceSubjects implements StepSubject.Finder {

  private final WorkspaceRepository workspaces;
  private final WorkspaceTemplateRepository templates;
  private final WorkspaceTransitions transitions;
  private final TransitionRepository history;
  private final OperationMetrics metrics;
  private final Clock clock;

  WorkspaceSubjects(
      WorkspaceRepository workspaces,
      WorkspaceTemplateRepository templates,
      WorkspaceTransitions transitions,
      TransitionRepository history,
      OperationMetrics metrics,
      Clock clock) {
    this.workspaces = workspaces;
    this.templates = templates;
    this.transitions = transitions;
    this.history = history;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public Optional<StepSubject> find(UUID id) {
    return workspaces.findById(id).map(Subject::new);
  }

  private final class Subject implements StepSubject {

    private final Workspace ws;

    Subject(Workspace ws) {
      this.ws = ws;
    }

    @Override
    public WorkspaceFacts facts() {
      return ws.facts(templates.findById(ws.templateId()).orElseThrow());
    }

    @Override
    public int run() {
      return ws.run();
    }

    @Override
    public Optional<Operation> operation() {
      return Operation.runningIn(ws.status());
    }

    @Override
    public boolean running(Operation operation) {
      return ws.status() == operation.runningStatus();
    }

    @Override
    public void started(Operation operation) {
      transitions.move(ws, operation.runningStatus(), "started", WorkspaceTransitions.PORTAL, null);
    }

    @Override
    public void completed(Operation operation) {
      Duration took = since(operation);
      transitions.move(ws, operation.doneStatus(), "completed", WorkspaceTransitions.PORTAL, null);
      metrics.completed(operation, took);
    }

    @Override
    public void failed(Operation operation, StepKind kind, String message) {
      metrics.failed(operation, since(operation));
      transitions.move(
          ws,
          operation.failedStatus(),
          "failed",
          WorkspaceTransitions.PORTAL,
          operation.failureReason(kind.label(), message));
    }

    /** How long the workspace has been in the operation: since it last entered its statuses. */
    private Duration since(Operation operation) {
      EnumSet<WorkspaceStatus> statuses = EnumSet.noneOf(WorkspaceStatus.class);
      for (WorkspaceStatus s : WorkspaceStatus.values()) {
        if (Operation.runningIn(s).filter(operation::equals).isPresent()) {
          statuses.add(s);
        }
      }
      Instant began = history.lastEntered(ws.id(), statuses);
      return began == null ? Duration.ZERO : Duration.between(began, clock.instant());
    }
  }
}
