package org.workspaceportal.workspace;

import java.util.UUID;
import org.workspaceportal.storage.Retention;

/**
 * What a step needs to know about its workspace, detached from JPA for use outside transactions.
 *
 * @param cluster whether its template runs a Spark cluster (false: storage only)
 */
record WorkspaceFacts(
    UUID id,
    String name,
    String owner,
    UUID templateId,
    int workers,
    boolean datahub,
    Retention retention,
    boolean cluster) {}
