package org.workspaceportal.workspace;

import java.util.UUID;

/**
 * Read model of a workspace template.
 *
 * @param cluster false for a storage-only template (a bucket and credentials, no Spark cluster)
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
    boolean cluster) {}
