package org.workspaceportal.audit;

import java.time.Instant;

/** One line of the audit trail. */
public record AuditEntry(
    Long id,
    Instant at,
    String actor,
    String action,
    String target,
    String detail,
    String remoteAddress) {}
