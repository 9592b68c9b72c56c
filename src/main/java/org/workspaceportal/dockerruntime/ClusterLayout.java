package org.workspaceportal.dockerruntime;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.workspaceportal.compute.SparkCluster;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.host.Demand;
import org.workspaceportal.host.Placement;
import org.workspaceportal.host.Subnets;
import org.workspaceportal.workspace.runtime.ClusterSpec;
import org.workspaceportal.workspace.runtime.Role;

/**
 * A cluster's roles in the Docker hosts' terms: what each demands of its host (cores, memory, the
 * host ports its published UIs are reached at), and, once placed, the cluster as its containers are
 * made ({@link SparkCluster}): on its own network, every role in the cluster's pod at one fixed
 * address of its subnet.
 */
final class ClusterLayout {

  /**
   * Host ports leased per role for what the cluster's pod publishes, which the portal's gateway
   * reaches from outside the cluster's network: the master's UI (with the workers' and the
   * applications' UIs behind it) and Jupyter, both leased with the master, so that a pool cluster's
   * pod, made before any notebook, publishes Jupyter's port too. A worker and the notebook lease
   * none.
   */
  static final int MASTER_PORTS = 2;

  private static final int WORKER_PORTS = 0;
  private static final int NOTEBOOK_PORTS = 0;

  /** The pod's address on the cluster's subnet (the host is 1): every role's. */
  private static final int POD_ADDRESS = 2;

  private ClusterLayout() {}

  /**
   * What the roles need from their host: only workers reserve cores; everything reserves its memory
   * (a worker: what its executors get, plus the daemon's).
   */
  static List<Demand> demands(List<Role> roles) {
    return roles.stream()
        .map(
            r ->
                new Demand(
                    r.name(),
                    r.reservesCpus() ? r.cpus() : 0,
                    memoryMb(r),
                    switch (r.kind()) {
                      case MASTER -> MASTER_PORTS;
                      case WORKER -> WORKER_PORTS;
                      case NOTEBOOK -> NOTEBOOK_PORTS;
                    }))
        .toList();
  }

  private static int memoryMb(Role r) {
    return r.kind() == Role.Kind.WORKER
        ? r.memoryMb() + SparkContainers.WORKER_OVERHEAD_MB
        : r.memoryMb();
  }

  /** Where each role was placed, by role. */
  static Map<String, Placement> byRole(List<Placement> placements) {
    return placements.stream().collect(Collectors.toMap(Placement::role, Function.identity()));
  }

  /** The cluster as its containers are made: every role of the spec where it was placed. */
  static SparkCluster placed(ClusterSpec spec, Map<String, Placement> placed) {
    SparkCluster.Node master = null;
    SparkCluster.Node notebook = null;
    List<SparkCluster.Node> workers = new ArrayList<>();
    Placement first = placed.get(Role.MASTER);
    if (first == null || first.subnet() == null) {
      throw new IllegalStateException("cluster " + spec.id() + " has no network on its host");
    }
    for (Role r : spec.roles()) {
      Placement p = placed.get(r.name());
      if (p == null) {
        throw new IllegalStateException(
            "role " + r.name() + " of cluster " + spec.id() + " has no placement");
      }
      SparkCluster.Node node =
          new SparkCluster.Node(
              r.name(),
              Role.workerNumber(r.name()),
              address(p.subnet()),
              p.ports(),
              r.cpus(),
              p.memoryMb());
      switch (r.kind()) {
        case MASTER -> master = node;
        case NOTEBOOK -> notebook = node;
        case WORKER -> workers.add(node);
      }
    }
    ClusterSpec.NotebookAccess access = spec.notebook();
    ClusterSpec.S3Access s3 = access == null ? null : access.s3();
    String gateway = gateway(first.subnet());
    return new SparkCluster(
        spec.id(),
        spec.image(),
        spec.sparkSecret(),
        access == null ? null : access.jupyterToken(),
        new SparkCluster.Network(
            SparkContainers.networkName(spec.id()), first.subnet(), gateway, first.address()),
        master,
        workers,
        notebook,
        s3 == null
            ? null
            : new SparkCluster.S3Access(
                reachableFrom(s3.endpoint(), gateway),
                s3.bucket(),
                s3.accessKeyId(),
                s3.secretAccessKey(),
                s3.region()),
        spec.datahub() == null
            ? null
            : new SparkCluster.Datahub(spec.datahub().source(), spec.datahub().volumeOptions()));
  }

  /**
   * A spare pod as its network and pod are made: the master's place (its ports and subnet), nothing
   * else; the cluster that adopts it gets the same network and pod from {@link #placed}.
   */
  static SparkCluster spare(UUID id, String image, Placement master) {
    return new SparkCluster(
        id,
        image,
        null,
        null,
        new SparkCluster.Network(
            SparkContainers.networkName(id),
            master.subnet(),
            gateway(master.subnet()),
            master.address()),
        new SparkCluster.Node(Role.MASTER, 0, address(master.subnet()), master.ports(), 0, 0),
        List.of(),
        null,
        null,
        null);
  }

  /** The address of the cluster's pod on its subnet, where every role listens. */
  static String address(String subnet) {
    return Subnets.address(subnet, POD_ADDRESS);
  }

  /** The host's own address on the cluster's network: the subnet's first. */
  static String gateway(String subnet) {
    return Subnets.address(subnet, 1);
  }

  /**
   * An endpoint as the cluster's containers reach it. One on the host's loopback (the embedded
   * default's simulated S3) is not theirs to reach: their loopback is their own. The host's own
   * address on their network is, by local delivery, so the endpoint names that instead (the service
   * must listen there too: the simulator's data plane does). Any other endpoint is routed as usual.
   */
  static String reachableFrom(String endpoint, String gateway) {
    URI uri = URI.create(endpoint);
    String host = uri.getHost();
    if (host == null || !(host.equals("localhost") || host.startsWith("127."))) {
      return endpoint;
    }
    return endpoint.replaceFirst("://" + java.util.regex.Pattern.quote(host), "://" + gateway);
  }

  /** The master's web UI, from where it was placed. */
  static String masterUi(Placement master) {
    return "http://" + master.address() + ":" + master.ports().get(0) + "/";
  }

  /**
   * The notebook server's base URL, from where the cluster was placed: Jupyter is published by the
   * pod on the master's host at the master's second leased port (or, for a cluster placed before
   * pods, at the notebook's own); null before the notebook has a place.
   */
  static String notebookUrl(Map<String, Placement> placed) {
    Placement master = placed.get(Role.MASTER);
    Placement notebook = placed.get(Role.NOTEBOOK);
    if (master == null || notebook == null) {
      return null;
    }
    if (master.ports().size() > 1) {
      return "http://" + master.address() + ":" + master.ports().get(1) + "/";
    }
    return notebook.ports().isEmpty()
        ? null
        : "http://" + master.address() + ":" + notebook.ports().get(0) + "/";
  }
}
