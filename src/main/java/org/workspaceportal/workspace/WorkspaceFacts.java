package org.workspaceportal.workspace;

import java.util.UUID;

/**
 * What a step needs to know about its workspace, detached from JPA for use outside transactions.
 */
record WorkspaceFacts(
    UUID id,
    String name,
    String owner,
    UUID templateId,
    int workers,
    boolean datahub,
    Retention retention) {}
