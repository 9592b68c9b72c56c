package org.workspaceportal.workspace;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Component;
import org.workspaceportal.compute.ComputeException;
import org.workspaceportal.compute.ContainerEngine;
import org.workspaceportal.compute.ContainerInfo;
import org.workspaceportal.compute.ContainerSpec;
import org.workspaceportal.compute.EngineEndpoint;
import org.workspaceportal.compute.SparkCluster;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.compute.VolumeSpec;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.HostStatus;
import org.workspaceportal.host.HostView;
import org.workspaceportal.host.Placement;

/**
 * The cluster's containers: the notebook (what the user waits for), then the master, then the
 * workers in parallel, each with its volumes; and on deletion every container and volume labelled
 * for the workspace, on every host, whatever the records say. Starting is idempotent by container
 * name: a retry or a restarted portal finds what an earlier attempt made and never starts a second
 * copy.
 */
@Component
class ContainerStepHandler implements StepHandler {

  private final ClusterPlans plans;
  private final ClusterState state;
  private final HostService hosts;
  private final ContainerEngine engines;
  private final ClusterProperties properties;
  private final Installation installation;

  ContainerStepHandler(
      ClusterPlans plans,
      ClusterState state,
      HostService hosts,
      ContainerEngine engines,
      ClusterProperties properties,
      Installation installation) {
    this.plans = plans;
    this.state = state;
    this.hosts = hosts;
    this.engines = engines;
    this.properties = properties;
    this.installation = installation;
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
    if (step.kind() == StepKind.REMOVE_CONTAINERS) {
      removeEverywhere(step.workspace().id());
      return StepOutcome.done();
    }
    if (step.kind() == StepKind.STOP_CONTAINERS) {
      stop(step.workspace());
      return StepOutcome.done();
    }
    SparkCluster cluster = plans.cluster(step.workspace());
    Map<String, Placement> placed = plans.placements(step.workspace().id());
    switch (step.kind()) {
      case MASTER ->
          start(
              cluster, placed.get(ClusterPlans.MASTER), SparkContainers.master(cluster), List.of());
      case WORKERS -> startWorkers(cluster, placed);
      case NOTEBOOK ->
          start(
              cluster,
              placed.get(ClusterPlans.NOTEBOOK),
              SparkContainers.notebook(cluster),
              volumesFor(cluster, ClusterPlans.NOTEBOOK));
      default -> throw new IllegalArgumentException("not a container step: " + step.kind());
    }
    return StepOutcome.done();
  }

  private void startWorkers(SparkCluster cluster, Map<String, Placement> placed) {
    try (ExecutorService starts = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> all = new ArrayList<>();
      for (SparkCluster.Node worker : cluster.workers()) {
        all.add(
            starts.submit(
                () ->
                    start(
                        cluster,
                        placed.get(worker.role()),
                        SparkContainers.worker(cluster, worker),
                        volumesFor(cluster, worker.role()))));
      }
      for (Future<?> started : all) {
        try {
          started.get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ComputeException("interrupted while starting the workers", true);
        }
      }
    }
  }

  /** The volumes a container of this role mounts: its own, and the datahub when there is one. */
  private List<VolumeSpec> volumesFor(SparkCluster cluster, String role) {
    List<VolumeSpec> volumes =
        new ArrayList<>(
            SparkContainers.volumes(
                    cluster, properties.scratchVolumeDriver(), properties.scratchVolumeOptions())
                .stream()
                .filter(v -> role.equals(v.labels().get(SparkContainers.ROLE_LABEL)))
                .toList());
    VolumeSpec datahub = SparkContainers.datahubVolume(cluster);
    if (datahub != null) {
      volumes.add(datahub);
    }
    return volumes;
  }

  private void start(
      SparkCluster cluster, Placement placement, ContainerSpec spec, List<VolumeSpec> volumes) {
    EngineEndpoint endpoint = hosts.endpointOf(placement.hostId());
    Map<String, String> ours = installation.label();
    volumes.forEach(v -> engines.ensureVolume(endpoint, v.withLabels(ours)));
    ContainerInfo running = engines.ensureRunning(endpoint, spec.withLabels(ours));
    state.seen(cluster.workspaceId(), placement.role(), running.id(), running.state());
  }

  /**
   * Removes the cluster's containers and the workers' scratch volumes; the notebook's volume (its
   * files) and the datahub stay, and so do the leases: a stopped workspace keeps its place on the
   * hosts, so that it always fits when it starts again.
   */
  private void stop(WorkspaceFacts ws) {
    SparkCluster cluster = plans.cluster(ws);
    for (Placement p : plans.placements(ws.id()).values()) {
      EngineEndpoint endpoint = hosts.endpointOf(p.hostId());
      engines.removeContainer(endpoint, SparkContainers.name(ws.id(), p.role()));
    }
    for (SparkCluster.Node worker : cluster.workers()) {
      Placement p = plans.placements(ws.id()).get(worker.role());
      engines.removeVolume(
          hosts.endpointOf(p.hostId()), SparkContainers.scratchVolume(cluster, worker));
    }
    state.stopped(ws.id());
  }

  /**
   * Every container and volume labelled for the workspace, on every host that answers; a host that
   * is down but held some of the workspace's containers makes the step fail (transient), so the
   * deletion waits for it rather than leaving them behind.
   */
  private void removeEverywhere(UUID workspaceId) {
    Map<String, String> mine = Map.of(SparkContainers.WORKSPACE_LABEL, workspaceId.toString());
    Set<UUID> placedOn = new java.util.HashSet<>();
    plans.placements(workspaceId).values().forEach(p -> placedOn.add(p.hostId()));
    List<String> unreachable = new ArrayList<>();
    for (HostView host : hosts.list()) {
      EngineEndpoint endpoint = hosts.endpointOf(host.id());
      try {
        for (ContainerInfo c : engines.containers(endpoint, mine)) {
          engines.removeContainer(endpoint, c.id());
        }
        for (String volume : engines.volumes(endpoint, mine)) {
          engines.removeVolume(endpoint, volume);
        }
      } catch (ComputeException e) {
        if (placedOn.contains(host.id()) || host.status() == HostStatus.UP) {
          unreachable.add(host.name() + " (" + e.getMessage() + ")");
        }
      }
    }
    if (!unreachable.isEmpty()) {
      throw new ComputeException(
          "Could not remove the workspace's containers on " + String.join(", ", unreachable), true);
    }
    state.removed(workspaceId);
  }
}
