package org.workspaceportal.workspace.health;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The cluster reconciler: what it compares on the hosts, how often, and how far it repairs by
 * itself.
 *
 * @param enabled compare the hosts with the records at all (the task still exists when false)
 * @param interval how often every host is compared with the records
 * @param maxAutomaticRepairs repairs the portal starts by itself for one workspace within {@code
 *     repairWindow}; past that it stays DEGRADED until someone presses Repair
 * @param repairWindow the period over which automatic repairs are counted
 * @param orphanMinAge how old a container of a gone workspace must be before it is removed (a
 *     margin against races with steps; the creation time is the engine's)
 */
@Validated
@ConfigurationProperties("portal.workspace.reconciler")
record ReconcilerProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("30s") Duration interval,
    @DefaultValue("3") @Min(0) int maxAutomaticRepairs,
    @DefaultValue("1h") Duration repairWindow,
    @DefaultValue("10m") Duration orphanMinAge) {}
