package org.workspaceportal.workspace;

import java.util.UUID;

/**
 * Read model of a workspace template.
 *
 * @param cluster false for a storage-only template (a bucket and credentials, no Spark cluster)
 * @param idleStopMinutes its READY workspaces stop after this long without activity; null: never
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
    Integer idleStopMinutes) {

  /** A template without idle stop. */
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
        null);
  }
}
