package org.workspaceportal.workspace.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.workspaceportal.workspace.WorkspaceFacts;
import org.workspaceportal.workspace.engine.StepAttempt;
import org.workspaceportal.workspace.engine.StepHandler;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.engine.StepOutcome;
import org.workspaceportal.workspace.runtime.ClusterRuntime;
import org.workspaceportal.workspace.runtime.Role;

/**
 * A cluster made smaller: the workers above the new count are asked to decommission (the master
 * stops giving them work and Spark moves what they hold), and once the master no longer lists them
 * alive (or after a grace time) they are removed, with their scratch space, records and room.
 * Idempotent: a worker already gone is skipped, so a retry or a restarted portal finishes the job.
 */
@Component
class WorkerRemovalStepHandler implements StepHandler {

  private final ClusterState state;
  private final ClusterRuntime runtime;
  private final ClusterSpecs specs;
  private final ClusterProperties properties;
  private final Clock clock;

  WorkerRemovalStepHandler(
      ClusterState state,
      ClusterRuntime runtime,
      ClusterSpecs specs,
      ClusterProperties properties,
      Clock clock) {
    this.state = state;
    this.runtime = runtime;
    this.specs = specs;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public Set<StepKind> kinds() {
    return EnumSet.of(StepKind.REMOVE_WORKERS);
  }

  @Override
  public StepOutcome run(StepAttempt step) {
    WorkspaceFacts ws = step.workspace();
    UUID clusterId = state.clusterId(ws.id());
    List<String> surplus =
        state.members(clusterId).stream()
            .map(ClusterMember::role)
            .filter(role -> Role.workerNumber(role) > ws.workers())
            .toList();
    if (surplus.isEmpty()) {
      return StepOutcome.done();
    }
    int alive = runtime.readiness(specs.of(ws)).workersAlive();
    if (alive > ws.workers() && !graceOver(step.waitingSince())) {
      // asked again on every check: a worker that missed the signal (restarting) gets it later
      runtime.decommission(clusterId, surplus);
      return StepOutcome.checkAgain(
          Duration.ofSeconds(1),
          "waiting for "
              + surplus.size()
              + (surplus.size() == 1 ? " worker" : " workers")
              + " to decommission ("
              + alive
              + " alive, "
              + ws.workers()
              + " wanted)",
          properties.decommissionGrace().plus(Duration.ofMinutes(1)));
    }
    runtime.remove(clusterId, surplus);
    for (String role : surplus) {
      runtime.release(clusterId, role);
      state.forget(clusterId, role);
    }
    return StepOutcome.done();
  }

  private boolean graceOver(Instant waitingSince) {
    return waitingSince != null
        && Duration.between(waitingSince, clock.instant()).compareTo(properties.decommissionGrace())
            > 0;
  }
}
