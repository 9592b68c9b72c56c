package org.workspaceportal.workspace;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.workspaceportal.compute.ContainerEngine;
import org.workspaceportal.compute.ContainerInfo;
import org.workspaceportal.compute.EngineEndpoint;
import org.workspaceportal.compute.SparkCluster;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.Placement;

/**
 * The cluster's containers: the notebook (what the user waits for) with the master alongside, then
 * the workers in parallel, each with its volumes; and on deletion every container and volume
 * labelled for the cluster, on every host, whatever the records say. A cluster claimed from a warm
 * pool finds its master and workers running and starts only the notebook.
 */
@Component
class ContainerStepHandler implements StepHandler {

  private final ClusterPlans plans;
  private final ClusterState state;
  private final ClusterContainers containers;
  private final HostService hosts;
  private final ContainerEngine engines;

  ContainerStepHandler(
      ClusterPlans plans,
      ClusterState state,
      ClusterContainers containers,
      HostService hosts,
      ContainerEngine engines) {
    this.plans = plans;
    this.state = state;
    this.containers = containers;
    this.hosts = hosts;
    this.engines = engines;
  }

  @Override
  public Set<StepKind> kinds() {
    return EnumSet.of(
        StepKind.MASTER,
        StepKind.WORKERS,
        StepKind.NOTEBOOK,
        StepKind.STOP_CONTAINERS,
        StepKind.REMOVE_CONTAINERS);
  }

  @Override
  public StepOutcome run(StepAttempt step) {
    WorkspaceFacts ws = step.workspace();
    if (step.kind() == StepKind.REMOVE_CONTAINERS) {
      containers.removeEverywhere(
          state.clusterId(ws.id()), plans.placements(ws.id()).values(), "the workspace's");
      state.removed(ws.id());
      return StepOutcome.done();
    }
    if (step.kind() == StepKind.STOP_CONTAINERS) {
      stop(ws);
      return StepOutcome.done();
    }
    SparkCluster cluster = plans.cluster(ws);
    Map<String, Placement> placed = plans.placements(ws.id());
    switch (step.kind()) {
      case MASTER ->
          seen(
              ws,
              ClusterPlans.MASTER,
              containers.start(
                  placed.get(ClusterPlans.MASTER), SparkContainers.master(cluster), List.of()));
      case WORKERS -> containers.startWorkers(cluster, placed, (role, c) -> seen(ws, role, c));
      case NOTEBOOK ->
          // the master needs nothing of the notebook: its container is made alongside, so that
          // its create and start overlap the notebook's; the MASTER step then finds it running
          containers.startTogether(
              List.of(
                  new ClusterContainers.Launch(
                      placed.get(ClusterPlans.NOTEBOOK),
                      SparkContainers.notebook(cluster),
                      containers.volumesFor(cluster, ClusterPlans.NOTEBOOK)),
                  new ClusterContainers.Launch(
                      placed.get(ClusterPlans.MASTER), SparkContainers.master(cluster), List.of())),
              (role, c) -> seen(ws, role, c));
      default -> throw new IllegalArgumentException("not a container step: " + step.kind());
    }
    return StepOutcome.done();
  }

  private void seen(WorkspaceFacts ws, String role, ContainerInfo running) {
    state.seen(ws.id(), role, running.id(), running.state());
  }

  /**
   * Removes the cluster's containers and the workers' scratch volumes; the notebook's volume (its
   * files) and the datahub stay, and so do the leases: a stopped workspace keeps its place on the
   * hosts, so that it always fits when it starts again.
   */
  private void stop(WorkspaceFacts ws) {
    SparkCluster cluster = plans.cluster(ws);
    Map<String, Placement> placed = plans.placements(ws.id());
    for (Placement p : placed.values()) {
      EngineEndpoint endpoint = hosts.endpointOf(p.hostId());
      engines.removeContainer(endpoint, SparkContainers.name(cluster.id(), p.role()));
    }
    for (SparkCluster.Node worker : cluster.workers()) {
      Placement p = placed.get(worker.role());
      engines.removeVolume(
          hosts.endpointOf(p.hostId()), SparkContainers.scratchVolume(cluster, worker));
    }
    state.stopped(ws.id());
  }
}
