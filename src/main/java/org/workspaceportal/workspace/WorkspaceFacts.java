package org.workspaceportal.workspace;

import java.util.UUID;
import org.workspaceportal.storage.Retention;

/**
 * What a step needs to know about its subject, detached from JPA for use outside transactions. The
 * subject is a workspace, or a warm-pool cluster (provisioned and torn down by the same steps, with
 * no storage, no notebook and no owner).
 *
 * @param owner null for a warm-pool cluster
 * @param workers how many workers its cluster has
 * @param workerCores each worker's cores (the template's; a pool cluster's, as it was started)
 * @param workerMemoryMb each worker's memory for executors (likewise)
 * @param retention null for a warm-pool cluster
 * @param cluster whether it runs a Spark cluster (false: a storage-only workspace)
 * @param poolCluster whether it is a warm-pool cluster rather than a workspace
 * @param mayClaim a workspace whose template keeps a warm pool of clusters like the one it needs
 *     (the default workers, no datahub): provisioning first tries to claim one
 * @param bucketQuotaGiB its bucket's hard quota (null: the storage's default, if any; none for a
 *     warm-pool cluster)
 */
public record WorkspaceFacts(
    UUID id,
    String name,
    String owner,
    UUID templateId,
    int workers,
    int workerCores,
    int workerMemoryMb,
    boolean datahub,
    Retention retention,
    boolean cluster,
    boolean poolCluster,
    boolean mayClaim,
    Integer bucketQuotaGiB) {

  /** A workspace (not a warm-pool cluster) that has storage. */
  public boolean workspace() {
    return !poolCluster;
  }

  /** A workspace with a Spark cluster, which has a notebook. */
  public boolean notebook() {
    return cluster && !poolCluster;
  }
}
