package org.workspaceportal.workspace.quota;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Default per-user quotas; an admin can override both for one user.
 *
 * @param maxLiveWorkspaces how many workspaces a user may have that are not rejected or deleted
 * @param maxTotalWorkers how many Spark workers all of a user's live workspaces may have together
 * @param maxLifetime how far ahead a request may set its expiry (a workspace without one lives
 *     until deleted)
 */
@Validated
@ConfigurationProperties("portal.workspace.quota")
record QuotaProperties(
    @DefaultValue("5") @Min(0) int maxLiveWorkspaces,
    @DefaultValue("16") @Min(0) int maxTotalWorkers,
    @DefaultValue("366d") Duration maxLifetime) {}
