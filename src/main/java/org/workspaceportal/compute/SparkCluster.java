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
    Node master,
    List<Node> workers,
    Node notebook,
    S3Access s3,
    Datahub datahub) {

  public SparkCluster {
    workers = List.copyOf(workers);
  }

  /**
   * One container's place: the address of its host and the ports leased to it there, and what it
   * may use. Ports, in order: master RPC, UI; worker RPC, UI; notebook Jupyter, driver, block
   * manager, driver UI.
   */
  public record Node(String role, String address, List<Integer> ports, int cpus, int memoryMb) {

    public Node {
      ports = List.copyOf(ports);
    }

    public int port(int i) {
      return ports.get(i);
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

  /** The master's URL for workers and drivers: {@code spark://address:port}. */
  public String masterUrl() {
    return "spark://" + master.address() + ":" + master.port(0);
  }

  /** The master's web UI. */
  public String masterUi() {
    return "http://" + master.address() + ":" + master.port(1) + "/";
  }

  /** The notebook server's base URL (without the token). */
  public String notebookUrl() {
    return "http://" + notebook.address() + ":" + notebook.port(0) + "/";
  }

  @Override
  public String toString() {
    return "SparkCluster[id="
        + id
        + ", image="
        + image
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
