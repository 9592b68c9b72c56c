package org.workspaceportal.workspace.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A Spark standalone cluster as it is wanted: its roles, image and secrets. Where each role runs is
 * the runtime's business. Holds secrets (the Spark RPC secret, the Jupyter token, the S3 key):
 * {@link #toString()} shows none of them.
 *
 * @param id names and labels everything the runtime makes for it; a workspace's cluster keeps the
 *     id it was made with, also when a workspace claimed it from a warm pool
 * @param sparkSecret the cluster's own RPC secret ({@code spark.authenticate}) for master, workers
 *     and driver, so no other driver can join it or reach its executors
 * @param roles the master, then the notebook (if any), then the workers by number
 * @param notebook what the notebook gets; null for a warm-pool cluster, which has no notebook and
 *     nothing of any user, and for a workspace's cluster placed before its storage is made
 * @param datahub the workspace's NFS file system, mounted in the notebook and every worker; null
 *     without one
 */
public record ClusterSpec(
    UUID id,
    String image,
    String sparkSecret,
    List<Role> roles,
    NotebookAccess notebook,
    Datahub datahub) {

  public ClusterSpec {
    roles = List.copyOf(roles);
  }

  /**
   * The notebook's token and the workspace's bucket and key (executors get them from the driver).
   */
  public record NotebookAccess(String jupyterToken, S3Access s3) {

    @Override
    public String toString() {
      return "NotebookAccess[s3=" + s3 + "]";
    }
  }

  /** The workspace's bucket and key. */
  public record S3Access(
      String endpoint, String bucket, String accessKeyId, String secretAccessKey, String region) {

    @Override
    public String toString() {
      return "S3Access[endpoint=" + endpoint + ", bucket=" + bucket + ", key=" + accessKeyId + "]";
    }
  }

  /**
   * How a host mounts the workspace's datahub: the options of a volume (NFS, or a bind mount where
   * the hosts cannot mount NFS).
   */
  public record Datahub(String source, Map<String, String> volumeOptions) {}

  /** Whether it is kept warm for no one yet (no notebook, nothing of any user). */
  public boolean warmPool() {
    return roles.stream().noneMatch(r -> r.kind() == Role.Kind.NOTEBOOK);
  }

  public Optional<Role> role(String name) {
    return roles.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  public List<Role> workers() {
    return roles.stream().filter(r -> r.kind() == Role.Kind.WORKER).toList();
  }

  @Override
  public String toString() {
    return "ClusterSpec[id=" + id + ", image=" + image + ", roles=" + roles + "]";
  }
}
