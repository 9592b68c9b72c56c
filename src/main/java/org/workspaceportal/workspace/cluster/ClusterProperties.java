package org.workspaceportal.workspace.cluster;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Spark clusters of workspaces: their roles' sizes and how long each stage may take. (How the
 * Docker hosts keep a worker's scratch space shares this prefix: the runtime's own settings.)
 *
 * @param masterMemoryMb memory limit (and reservation) of a master container
 * @param notebookMemoryMb memory limit (and reservation) of the notebook container, which is also
 *     the Spark driver
 * @param notebookCpus CPU limit of the notebook container; only workers reserve cores (their
 *     executors do the work), the master and the notebook are limited but not reserved
 * @param placementTimeout how long a workspace waits for room on the hosts before it fails
 * @param pullTimeout how long an image pull may take
 * @param notebookTimeout how long the notebook may take to answer after it started
 * @param workersTimeout how long the workers may take to join the master
 * @param pollInterval how often readiness is checked while waiting, after the first {@code
 *     quickPollPeriod} of a wait
 * @param quickPollInterval how often readiness is checked in the first {@code quickPollPeriod} of a
 *     wait: a notebook answers about a quarter of a second after it starts, so a link shown up to
 *     {@code pollInterval} late would be a third of that again; a probe costs the portal and the
 *     container a connection
 * @param quickPollPeriod how long a wait polls at {@code quickPollInterval}
 * @param decommissionGrace how long a worker removed by a resize may take to decommission (its
 *     running tasks finish or move) before its container is removed regardless
 */
@Validated
@ConfigurationProperties("portal.workspace.cluster")
record ClusterProperties(
    @DefaultValue("1024") @Min(256) int masterMemoryMb,
    @DefaultValue("2048") @Min(512) int notebookMemoryMb,
    @DefaultValue("1") @Min(1) int notebookCpus,
    @DefaultValue("10m") Duration placementTimeout,
    @DefaultValue("30m") Duration pullTimeout,
    @DefaultValue("120s") Duration notebookTimeout,
    @DefaultValue("180s") Duration workersTimeout,
    @DefaultValue("100ms") Duration pollInterval,
    @DefaultValue("20ms") Duration quickPollInterval,
    @DefaultValue("3s") Duration quickPollPeriod,
    @DefaultValue("60s") Duration decommissionGrace) {}
