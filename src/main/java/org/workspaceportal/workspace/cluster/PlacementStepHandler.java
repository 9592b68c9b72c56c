package org.workspaceportal.workspace.cluster;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.StepView;
import org.workspaceportal.workspace.WorkspaceFacts;
import org.workspaceportal.workspace.engine.StepAttempt;
import org.workspaceportal.workspace.engine.StepHandler;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.engine.StepOutcome;
import org.workspaceportal.workspace.runtime.ClusterRuntime;
import org.workspaceportal.workspace.runtime.ClusterSpec;
import org.workspaceportal.workspace.runtime.NoRoomException;
import org.workspaceportal.workspace.runtime.Role;
import org.workspaceportal.workspace.template.WorkspaceTemplateRepository;

/**
 * Where a cluster runs: its record (made for a workspace on its first placement, with fresh
 * secrets; a claimed or a pool cluster has one), then room for every role the runtime has not
 * placed yet (waiting, not failing, while there is none), then a member per role; on deletion, the
 * room goes back.
 */
@Component
class PlacementStepHandler implements StepHandler {

  private final ClusterSpecs specs;
  private final ClusterState state;
  private final ClusterRuntime runtime;
  private final WorkspaceTemplateRepository templates;
  private final ClusterProperties properties;

  PlacementStepHandler(
      ClusterSpecs specs,
      ClusterState state,
      ClusterRuntime runtime,
      WorkspaceTemplateRepository templates,
      ClusterProperties properties) {
    this.specs = specs;
    this.state = state;
    this.runtime = runtime;
    this.templates = templates;
    this.properties = properties;
  }

  @Override
  public Set<StepKind> kinds() {
    return EnumSet.of(StepKind.PLACE, StepKind.RELEASE);
  }

  @Override
  public StepOutcome run(StepAttempt step) {
    WorkspaceFacts subject = step.workspace();
    if (step.kind() == StepKind.RELEASE) {
      runtime.release(state.clusterId(subject.id()));
      return StepOutcome.done();
    }
    if (subject.workspace()) {
      // a new cluster takes a spare pod where one is ready: its notebook starts without waiting
      // for the engine to set a pod's network namespace up
      state.ensureFor(
          subject.id(),
          templates.findById(subject.templateId()).orElseThrow().image(),
          () ->
              runtime.adoptSpare(
                  specs.roles(
                      subject.workers(),
                      subject.workerCores(),
                      subject.workerMemoryMb(),
                      subject.notebook())));
    }
    ClusterSpec spec = specs.of(subject);
    try {
      runtime.reserve(spec);
    } catch (NoRoomException e) {
      return StepOutcome.checkAgain(
          Duration.ofSeconds(5),
          StepView.WAITING_FOR_ROOM + " (" + e.getMessage() + ")",
          properties.placementTimeout());
    }
    if (step.operation() == Operation.MOVE) {
      // a host that was silent during the stop's steps may answer again by now, holding the
      // cluster's old containers (old token), network (old subnet) and volumes (files newer than
      // the save): nothing of the new run exists yet, so whatever answers is cleared before the
      // start's steps could adopt any of it (by name) on a host just chosen
      runtime.removeAll(spec.id(), true);
    }
    if (step.operation() != Operation.RESIZE) {
      runtime.prepareAhead(spec); // a cluster placed anew: made ready while the next steps run
    }
    state.ensureMembers(spec.id(), spec.roles().stream().map(Role::name).toList());
    return StepOutcome.done();
  }
}
