package org.workspaceportal.workspace.data;

/** What the workspace page shows about its storage, without the secret. */
public record StorageInfo(
    String account,
    String bucket,
    String accessKeyId,
    String endpoint,
    String nfsAddress,
    String datahub,
    boolean secretAvailable) {}
