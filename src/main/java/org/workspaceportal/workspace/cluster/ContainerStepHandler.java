package org.workspaceportal.workspace.cluster;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.WorkspaceFacts;
import org.workspaceportal.workspace.engine.StepAttempt;
import org.workspaceportal.workspace.engine.StepHandler;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.engine.StepOutcome;
import org.workspaceportal.workspace.runtime.ClusterRuntime;
import org.workspaceportal.workspace.runtime.ClusterSpec;
import org.workspaceportal.workspace.runtime.Member;
import org.workspaceportal.workspace.runtime.Role;

/**
 * The cluster's roles running: the notebook (what the user waits for) with the master alongside,
 * then the workers, all at once; stopped (everything on the hosts goes: the notebook's files were
 * saved to the bucket by the step before; a move leaves the hosts that do not answer as they are);
 * and on deletion removed with everything made for them, wherever they ran. A cluster claimed from
 * a warm pool finds its master and workers running and starts only the notebook.
 */
@Component
class ContainerStepHandler implements StepHandler {

  private final ClusterSpecs specs;
  private final ClusterState state;
  private final ClusterRuntime runtime;

  ContainerStepHandler(ClusterSpecs specs, ClusterState state, ClusterRuntime runtime) {
    this.specs = specs;
    this.state = state;
    this.runtime = runtime;
  }

  @Override
  public Set<StepKind> kinds() {
    return EnumSet.of(
        StepKind.MASTER,
        StepKind.WORKERS,
        StepKind.NOTEBOOK,
        StepKind.STOP_CLUSTER,
        StepKind.REMOVE_CLUSTER);
  }

  @Override
  public StepOutcome run(StepAttempt step) {
    WorkspaceFacts subject = step.workspace();
    if (step.kind() == StepKind.REMOVE_CLUSTER) {
      UUID clusterId = state.clusterId(subject.id());
      // a pool cluster holds nothing of any user: a host that does not answer is not waited for,
      // and what is left there is swept up once it answers again
      runtime.removeAll(clusterId, subject.poolCluster());
      state.removed(clusterId);
      return StepOutcome.done();
    }
    if (step.kind() == StepKind.NOTEBOOK && renewsToken(step, subject)) {
      state.renewToken(state.clusterId(subject.id()));
      ClusterSpec renewed = specs.of(subject);
      record(renewed, runtime.replace(renewed, List.of(Role.NOTEBOOK)));
      launch(renewed, List.of(Role.MASTER));
      return StepOutcome.done();
    }
    if (step.kind() == StepKind.STOP_CLUSTER && step.operation() == Operation.MOVE) {
      // the hosts that do not answer are left as they are: what is left there is removed by the
      // leftover sweep once they answer again (the cluster has no place there any more)
      UUID clusterId = state.clusterId(subject.id());
      runtime.removeAll(clusterId, true);
      state.stopped(clusterId);
      return StepOutcome.done();
    }
    ClusterSpec spec = specs.of(subject);
    switch (step.kind()) {
      case STOP_CLUSTER -> {
        runtime.stop(spec);
        state.stopped(spec.id());
      }
      case MASTER -> launch(spec, List.of(Role.MASTER));
      // the master needs nothing of the notebook: it is started alongside, so that their starts
      // overlap; the MASTER step then finds it running
      case NOTEBOOK -> launch(spec, List.of(Role.NOTEBOOK, Role.MASTER));
      case WORKERS -> launch(spec, spec.workers().stream().map(Role::name).toList());
      default -> throw new IllegalArgumentException("not a launch step: " + step.kind());
    }
    return StepOutcome.done();
  }

  private void launch(ClusterSpec spec, Collection<String> roles) {
    record(spec, runtime.launch(spec, roles));
  }

  private void record(ClusterSpec spec, List<Member> started) {
    for (Member m : started) {
      state.seen(spec.id(), m.role(), m.handle(), m.state());
    }
  }

  /**
   * A start, or a repair whose notebook is not running, gives the notebook a fresh Jupyter token:
   * one that leaked is worthless after the next start. A running notebook keeps its own.
   */
  private boolean renewsToken(StepAttempt step, WorkspaceFacts subject) {
    if (step.operation() == Operation.START || step.operation() == Operation.MOVE) {
      return true;
    }
    if (step.operation() != Operation.REPAIR) {
      return false;
    }
    UUID clusterId = state.clusterId(subject.id());
    return !runtime.census(clusterId, List.of(Role.NOTEBOOK)).absent().isEmpty();
  }
}
