package org.workspaceportal.workspace;

import java.util.UUID;

/** Read model of a workspace template. */
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
    boolean enabled) {}
