package org.workspaceportal.compute;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One Spark standalone cluster as it is to run: where each container goes and what it gets. Holds
 * secrets (the Spark RPC secret, the Jupyter token, the S3 key): {@link #toString()} shows none of
 * them. A pool cluster, kept warm for no one yet, has no notebook, no token and no S3 access.
 *
 * @param id names and labels its containers and volumes: the workspace's id, or the id of the pool
 *     cluster the workspace claimed (a container's labels cannot change)
 * @param sparkSecret the cluster's own RPC secret ({@code spark.authenticate}) for master, workers
 *     and driver, so no other driver can join it or reach its executors
 * @param jupyterToken the notebook's token; null for a pool cluster
 * @param notebook null for a pool cluster
 * @param s3 null for a pool cluster
 * @param datahub null without a datahub
 */
public record SparkCluster(
    UUID id,
    String image,
    String sparkSecret,
    String jupyterToken,
    Network network,
    Node master,
    List<Node> workers,
    Node notebook,
    S3Access s3,
    Datahub datahub) {

  public SparkCluster {
    workers = List.copyOf(workers);
  }

  /**
   * The cluster's own network on its host.
   *
   * @param gateway the host's own address on it
   * @param hostAddress the host's address where the published ports are reached from outside
   */
  public record Network(String name, String subnet, String gateway, String hostAddress) {}

  /**
   * One container: its number among the workers (worker-3: 3; 0 for the master and the notebook),
   * its address on the cluster's network (its pod's), the host ports leased to it for what its pod
   * publishes (the master's: its UI, then Jupyter's; a notebook placed before pods had Jupyter's;
   * none for a worker), and what it may use.
   */
  public record Node(
      String role,
      int number,
      String address,
      List<Integer> publishedPorts,
      int cpus,
      int memoryMb) {

    public Node {
      publishedPorts = List.copyOf(publishedPorts);
    }
  }

  /**
   * The workspace's NFS datahub, mounted at {@link SparkContainers#DATAHUB_DIR} in the notebook and
   * every worker: the options of a {@code local}-driver volume (NFS, or a bind mount on machines
   * that cannot mount NFS).
   */
  public record Datahub(String source, Map<String, String> volumeOptions) {}

  /** The workspace's bucket and key, for the driver (executors get them from it). */
  public record S3Access(
      String endpoint, String bucket, String accessKeyId, String secretAccessKey, String region) {

    @Override
    public String toString() {
      return "S3Access[endpoint=" + endpoint + ", bucket=" + bucket + ", key=" + accessKeyId + "]";
    }
  }

  /** The master's URL for workers and drivers, on the cluster's network. */
  public String masterUrl() {
    return "spark://" + master.address() + ":" + SparkContainers.MASTER_PORT;
  }

  /** The master's web UI, from outside the cluster's network. */
  public String masterUi() {
    return "http://" + network.hostAddress() + ":" + master.publishedPorts().get(0) + "/";
  }

  /** The notebook server's base URL (without the token), from outside the cluster's network. */
  public String notebookUrl() {
    return "http://" + network.hostAddress() + ":" + jupyterHostPort() + "/";
  }

  /**
   * The host port Jupyter is published at: leased with the master (so that a pool cluster's pod
   * publishes it before its notebook exists), or, for a cluster placed before pods, with the
   * notebook; 0 for none.
   */
  public int jupyterHostPort() {
    if (master.publishedPorts().size() > 1) {
      return master.publishedPorts().get(1);
    }
    return notebook == null || notebook.publishedPorts().isEmpty()
        ? 0
        : notebook.publishedPorts().get(0);
  }

  @Override
  public String toString() {
    return "SparkCluster[id="
        + id
        + ", image="
        + image
        + ", network="
        + network
        + ", master="
        + master
        + ", workers="
        + workers
        + ", notebook="
        + notebook
        + ", s3="
        + s3
        + "]";
  }
}
