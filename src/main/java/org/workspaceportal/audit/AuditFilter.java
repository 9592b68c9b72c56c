package org.workspaceportal.audit;

import java.time.LocalDate;

/**
 * What the audit page filters on; every part is optional. Action and actor match any part, in any
 * case ("approv" finds workspace.approved); the dates are whole UTC days, both included.
 */
public record AuditFilter(String action, String actor, LocalDate from, LocalDate to) {}
