package org.workspaceportal.workspace.template;

import java.util.UUID;

/**
 * Read model of a workspace template.
 *
 * @param cluster false for a storage-only template (a bucket and credentials, no Spark cluster)
 * @param idleStopMinutes its READY workspaces stop after this long without activity; null: never
 * @param poolSize how many clusters the portal keeps started for it (a warm pool); 0: none
 * @param bucketQuotaGiB the size of its workspaces' buckets (a hard quota); null: the storage's
 *     default
 */
public record TemplateView(
    UUID id,
    String name,
    String description,
    String image,
    String sparkVersion,
    int defaultWorkers,
    int maxWorkers,
    int workerCores,
    int workerMemoryMb,
    boolean isDefault,
    boolean enabled,
    boolean cluster,
    Integer idleStopMinutes,
    int poolSize,
    Integer bucketQuotaGiB) {

  /** A template without idle stop and without a warm pool. */
  public TemplateView(
      UUID id,
      String name,
      String description,
      String image,
      String sparkVersion,
      int defaultWorkers,
      int maxWorkers,
      int workerCores,
      int workerMemoryMb,
      boolean isDefault,
      boolean enabled,
      boolean cluster) {
    this(
        id,
        name,
        description,
        image,
        sparkVersion,
        defaultWorkers,
        maxWorkers,
        workerCores,
        workerMemoryMb,
        isDefault,
        enabled,
        cluster,
        null,
        0,
        null);
  }
}
