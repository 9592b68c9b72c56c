package org.workspaceportal.workspace.quota;

import java.time.Instant;

/**
 * The default quotas as Admin → Settings shows them.
 *
 * @param applies what applies now (the saved values, else the configured ones)
 * @param configured what the configuration says ({@code portal.workspace.quota.*})
 * @param saved whether an admin's values apply (false: the configured ones)
 */
public record QuotaSetting(
    QuotaLimits applies,
    QuotaLimits configured,
    boolean saved,
    String changedBy,
    Instant changedAt) {}
