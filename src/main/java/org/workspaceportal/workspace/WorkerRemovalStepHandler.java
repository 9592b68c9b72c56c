package org.workspaceportal.workspace;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.workspaceportal.compute.ClusterProbe;
import org.workspaceportal.compute.ContainerEngine;
import org.workspaceportal.compute.EngineEndpoint;
import org.workspaceportal.compute.SparkCluster;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.host.CapacityService;
import org.workspaceportal.host.HostService;

/**
 * A cluster made smaller: the workers above the new count are asked to decommission (the master
 * stops giving them work and Spark moves what they hold), and once the master no longer lists them
 * ALIVE (or after a grace time) their containers, scratch volumes, records and leases go.
 * Idempotent: a worker already gone is skipped, so a retry or a restarted portal finishes the job.
 */
@Component
class WorkerRemovalStepHandler implements StepHandler {

  private final ClusterPlans plans;
  private final ClusterState state;
  private final HostService hosts;
  private final ContainerEngine engines;
  private final ClusterProbe probe;
  private final CapacityService capacity;
  private final ClusterProperties properties;
  private final java.time.Clock clock;

  WorkerRemovalStepHandler(
      ClusterPlans plans,
      ClusterState state,
      HostService hosts,
      ContainerEngine engines,
      ClusterProbe probe,
      CapacityService capacity,
      ClusterProperties properties,
      java.time.Clock clock) {
    this.plans = plans;
    this.state = state;
    this.hosts = hosts;
    this.engines = engines;
    this.probe = probe;
    this.capacity = capacity;
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
    List<ClusterMember> surplus =
        state.members(ws.id()).stream()
            .filter(m -> ClusterPlans.workerNumber(m.role()) > ws.workers())
            .toList();
    if (surplus.isEmpty()) {
      return StepOutcome.done();
    }
    SparkCluster cluster = plans.cluster(ws);
    int alive = probe.aliveWorkers(cluster.masterUi());
    if (alive > ws.workers() && !graceOver(step.waitingSince())) {
      // asked again on every check: a worker that missed the signal (restarting) gets it later
      surplus.forEach(
          m ->
              engines.signal(
                  hosts.endpointOf(m.hostId()),
                  m.containerName(),
                  SparkContainers.DECOMMISSION_SIGNAL));
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
    for (ClusterMember m : surplus) {
      EngineEndpoint endpoint = hosts.endpointOf(m.hostId());
      engines.removeContainer(endpoint, m.containerName());
      Map<String, String> labels =
          Map.of(
              SparkContainers.WORKSPACE_LABEL,
              cluster.id().toString(),
              SparkContainers.ROLE_LABEL,
              m.role());
      engines.volumes(endpoint, labels).forEach(v -> engines.removeVolume(endpoint, v));
      capacity.release(ws.id(), m.role());
      state.forget(ws.id(), m.role());
    }
    return StepOutcome.done();
  }

  private boolean graceOver(Instant waitingSince) {
    return waitingSince != null
        && Duration.between(waitingSince, clock.instant()).compareTo(properties.decommissionGrace())
            > 0;
  }
}
