package org.workspaceportal.workspace;

import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.workspaceportal.workspace.WorkspaceEvents.WorkspaceStatusChanged;

/**
 * The one way a workspace changes status, for the use cases and the engine alike: the entity guards
 * the move, a history row records it, and listeners (audit, the job trigger, live pages) are told.
 * Callers hold the transaction.
 */
@Component
public class WorkspaceTransitions {

  /** The actor recorded for what the portal does by itself. */
  public static final String PORTAL = "portal";

  private final TransitionRepository transitions;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  WorkspaceTransitions(
      TransitionRepository transitions, ApplicationEventPublisher events, Clock clock) {
    this.transitions = transitions;
    this.events = events;
    this.clock = clock;
  }

  /** Records the creation of a new workspace as the first row of its history. */
  void recordCreation(Workspace workspace) {
    transitions.save(workspace.created(workspace.owner()));
  }

  /**
   * Moves the workspace to {@code target}.
   *
   * @param operation what was done, in words, for the error if the move is not allowed
   */
  public void move(
      Workspace workspace, WorkspaceStatus target, String operation, String actor, String reason) {
    WorkspaceStatus from = workspace.status();
    transitions.save(workspace.moveTo(target, operation, actor, reason, clock.instant()));
    events.publishEvent(
        new WorkspaceStatusChanged(
            workspace.id(), workspace.name(), workspace.owner(), from, target, actor, reason));
  }
}
