package org.workspaceportal.dockerruntime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
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
 * Starting and removing a cluster's containers on the hosts it was placed on. Starting is
 * idempotent by container name: a retry or a restarted portal finds what an earlier attempt made
 * and never starts a second copy. Every container and volume carries this installation's label and
 * the cluster's.
 */
@Component
class ClusterContainers {

  private final HostService hosts;
  private final ContainerEngine engines;
  private final DockerRuntimeProperties properties;
  private final Installation installation;

  ClusterContainers(
      HostService hosts,
      ContainerEngine engines,
      DockerRuntimeProperties properties,
      Installation installation) {
    this.hosts = hosts;
    this.engines = engines;
    this.properties = properties;
    this.installation = installation;
  }

  /** The label this portal puts on everything it makes. */
  Map<String, String> ours() {
    return installation.label();
  }

  /** Makes the volumes, then the container, on the placement's host; the container as it runs. */
  ContainerInfo start(Placement placement, ContainerSpec spec, List<VolumeSpec> volumes) {
    EngineEndpoint endpoint = hosts.endpointOf(placement.hostId());
    Map<String, String> ours = installation.label();
    volumes.forEach(v -> engines.ensureVolume(endpoint, v.withLabels(ours)));
    return engines.ensureRunning(endpoint, spec.withLabels(ours));
  }

  /**
   * Makes the cluster's own network and its pod on the host unless they are there and it runs, and
   * removes the containers of {@code roles} that do not share that pod's network namespace, telling
   * {@code removed} their roles, so that the caller makes them anew in it: containers left from a
   * pod that was removed (they have lost their network), and containers of a cluster made before
   * pods (each on an address of its own, one of which the pod takes: they go before it is made).
   *
   * @return the pod's container id, which every container joining it carries as {@link
   *     SparkContainers#POD_LABEL}
   */
  String pod(
      Placement placement,
      SparkCluster cluster,
      Collection<String> roles,
      Consumer<String> removed) {
    EngineEndpoint endpoint = hosts.endpointOf(placement.hostId());
    Map<String, String> ours = installation.label();
    List<ContainerInfo> found =
        engines.containers(endpoint, SparkContainers.labelled(cluster.id())).stream()
            .filter(c -> roles.contains(roleOf(c)) || SparkContainers.POD_ROLE.equals(roleOf(c)))
            .toList();
    // a pod that stopped (or its engine did) gets a new network namespace when started again, and
    // roles still running in the old one would stay cut off under a matching label: a pod that
    // does not run is made anew, with every role
    ContainerInfo running =
        found.stream()
            .filter(c -> SparkContainers.POD_ROLE.equals(roleOf(c)) && c.running())
            .findFirst()
            .orElse(null);
    if (running == null) {
      found.forEach(c -> remove(endpoint, c, removed));
      engines.ensureNetwork(endpoint, SparkContainers.network(cluster).withLabels(ours));
      return engines.ensureRunning(endpoint, SparkContainers.pod(cluster).withLabels(ours)).id();
    }
    // a running pod holds its network: nothing to make (the pod made ahead, the usual case)
    String pod = running.id();
    found.stream()
        .filter(c -> !SparkContainers.POD_ROLE.equals(roleOf(c)))
        .filter(c -> !pod.equals(c.labels().get(SparkContainers.POD_LABEL)))
        .forEach(c -> remove(endpoint, c, removed));
    return pod;
  }

  /**
   * Makes the cluster's network, its pod and the volumes of its roles on the host if nothing of the
   * cluster is there yet (a new cluster, or one whose stop removed everything); otherwise leaves
   * all to the launch, which knows what to replace. The launch asks for the volumes again (an
   * engine answers a volume it has at once), so a volume missing here is made then.
   */
  void podAhead(Placement placement, SparkCluster cluster, Collection<String> roles) {
    EngineEndpoint endpoint = hosts.endpointOf(placement.hostId());
    List<ContainerInfo> found =
        engines.containers(endpoint, SparkContainers.labelled(cluster.id()));
    Map<String, String> ours = installation.label();
    List<VolumeSpec> volumes =
        roles.stream()
            .flatMap(role -> volumesFor(cluster, role).stream())
            .distinct() // the datahub's, which every role mounts
            .map(v -> v.withLabels(ours))
            .toList();
    if (!found.isEmpty()) {
      if (!found.stream().allMatch(c -> SparkContainers.POD_ROLE.equals(roleOf(c)))) {
        return; // a cluster that ran here: the launch knows what to replace
      }
      if (found.stream().anyMatch(ContainerInfo::running)) {
        // a running pod (an adopted spare's): its roles' volumes are all that is missing
        volumes.forEach(v -> engines.ensureVolume(endpoint, v));
        return;
      }
      // a pod that stopped (an adopted spare's, whose engine restarted): made anew, here
      found.forEach(c -> engines.removeContainer(endpoint, c.id()));
    }
    // the volumes while the pod starts (a quarter of a second, which the launch waits for)
    try (ExecutorService beside = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<?> made = beside.submit(() -> volumes.forEach(v -> engines.ensureVolume(endpoint, v)));
      engines.ensureNetwork(endpoint, SparkContainers.network(cluster).withLabels(ours));
      engines.ensureRunning(endpoint, SparkContainers.pod(cluster).withLabels(ours));
      await(made);
    }
  }

  private static void await(Future<?> started) {
    try {
      started.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ComputeException("interrupted while starting containers", true);
    }
  }

  private void remove(EngineEndpoint endpoint, ContainerInfo c, Consumer<String> removed) {
    engines.removeContainer(endpoint, c.id());
    if (!SparkContainers.POD_ROLE.equals(roleOf(c))) {
      removed.accept(roleOf(c));
    }
  }

  private static String roleOf(ContainerInfo c) {
    return c.labels().get(SparkContainers.ROLE_LABEL);
  }

  /** One container to start: where, what, and the volumes it mounts. */
  record Launch(Placement placement, ContainerSpec spec, List<VolumeSpec> volumes) {}

  /**
   * Starts the containers at once (the engine's create and start calls overlap); tells {@code seen}
   * each one's role and container as it runs. The first failure is thrown once all have ended.
   */
  void startTogether(List<Launch> launches, BiConsumer<String, ContainerInfo> seen) {
    try (ExecutorService starts = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> all = new ArrayList<>();
      for (Launch l : launches) {
        all.add(
            starts.submit(
                () ->
                    seen.accept(
                        l.placement().role(), start(l.placement(), l.spec(), l.volumes()))));
      }
      for (Future<?> started : all) {
        await(started);
      }
    }
  }

  /** The volumes a container of this role mounts: its own, and the datahub when there is one. */
  List<VolumeSpec> volumesFor(SparkCluster cluster, String role) {
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

  /**
   * Every container and volume labelled for the cluster, on every host that answers; a host that is
   * down but held some of them makes this fail (transient), so that the caller waits for it rather
   * than leaving them behind.
   *
   * @param placed where the cluster's containers were placed (and so must be removed from)
   * @return the hosts that hold nothing of the cluster now (those that answered)
   */
  Set<UUID> removeEverywhere(UUID clusterId, Collection<Placement> placed) {
    Map<String, String> mine = SparkContainers.labelled(clusterId);
    Set<UUID> placedOn = new HashSet<>();
    placed.forEach(p -> placedOn.add(p.hostId()));
    List<String> unreachable = new ArrayList<>();
    Set<UUID> cleared = new HashSet<>();
    for (HostView host : hosts.list()) {
      EngineEndpoint endpoint = hosts.endpointOf(host.id());
      try {
        for (ContainerInfo c : engines.containers(endpoint, mine)) {
          engines.removeContainer(endpoint, c.id());
        }
        for (String volume : engines.volumes(endpoint, mine)) {
          engines.removeVolume(endpoint, volume);
        }
        engines.removeNetwork(endpoint, SparkContainers.networkName(clusterId));
        cleared.add(host.id());
      } catch (ComputeException e) {
        if (placedOn.contains(host.id()) || host.status() == HostStatus.UP) {
          unreachable.add(host.name() + " (" + e.getMessage() + ")");
        }
      }
    }
    if (!unreachable.isEmpty()) {
      throw new ComputeException(
          "Could not remove the cluster's containers on " + String.join(", ", unreachable), true);
    }
    return cleared;
  }
}
