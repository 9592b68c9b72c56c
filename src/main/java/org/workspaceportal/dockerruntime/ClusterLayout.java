package org.workspaceportal.dockerruntime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.workspaceportal.compute.SparkCluster;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.host.Demand;
import org.workspaceportal.host.Placement;
import org.workspaceportal.workspace.runtime.ClusterSpec;
import org.workspaceportal.workspace.runtime.Role;

/**
 * A cluster's roles in the Docker hosts' terms: what each demands of a host (cores, memory, the
 * ports its daemons listen on with host networking), and, once placed, the cluster as its
 * containers are made ({@link SparkCluster}).
 */
final class ClusterLayout {

  /** Ports per role: master RPC and UI; worker RPC and UI; notebook, driver, blocks, driver UI. */
  private static final int MASTER_PORTS = 2;

  private static final int WORKER_PORTS = 2;
  private static final int NOTEBOOK_PORTS = 4;

  private ClusterLayout() {}

  /**
   * What the roles need from the hosts: only workers reserve cores; everything reserves its memory
   * (a worker: what its executors get, plus the daemon's); workers spread over the hosts.
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
                    },
                    r.kind() == Role.Kind.WORKER))
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
    for (Role r : spec.roles()) {
      Placement p = placed.get(r.name());
      if (p == null) {
        throw new IllegalStateException(
            "role " + r.name() + " of cluster " + spec.id() + " has no placement");
      }
      SparkCluster.Node node =
          new SparkCluster.Node(r.name(), p.address(), p.ports(), r.cpus(), p.memoryMb());
      switch (r.kind()) {
        case MASTER -> master = node;
        case NOTEBOOK -> notebook = node;
        case WORKER -> workers.add(node);
      }
    }
    ClusterSpec.NotebookAccess access = spec.notebook();
    ClusterSpec.S3Access s3 = access == null ? null : access.s3();
    return new SparkCluster(
        spec.id(),
        spec.image(),
        spec.sparkSecret(),
        access == null ? null : access.jupyterToken(),
        master,
        workers,
        notebook,
        s3 == null
            ? null
            : new SparkCluster.S3Access(
                s3.endpoint(), s3.bucket(), s3.accessKeyId(), s3.secretAccessKey(), s3.region()),
        spec.datahub() == null
            ? null
            : new SparkCluster.Datahub(spec.datahub().source(), spec.datahub().volumeOptions()));
  }

  /** The master's web UI, from where it was placed. */
  static String masterUi(Placement master) {
    return "http://" + master.address() + ":" + master.ports().get(1) + "/";
  }

  /** The notebook server's base URL, from where it was placed. */
  static String notebookUrl(Placement notebook) {
    return "http://" + notebook.address() + ":" + notebook.ports().get(0) + "/";
  }
}
