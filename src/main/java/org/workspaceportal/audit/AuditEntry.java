package org.workspaceportal.audit;

import java.time.Instant;

/**
 * One line of the audit trail.
 *
 * @param targetPath where in the portal its target is (a workspace's page, a user's, template's or
 *     host's row); null when it has none
 */
public record AuditEntry(
    Long id,
    Instant at,
    String actor,
    String action,
    String target,
    String detail,
    String remoteAddress,
    String targetPath) {}
